using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Intake;

/// <summary><c>/status 12 reply &lt;text&gt;</c>: answers the customer, wherever they asked, from a command.</summary>
public sealed class ReplySubcommand(CustomerAnswers answers) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["reply"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 reply <text>` answers the ticket's customer (in their Slack thread, by mail or on GitHub)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var ticket = request.RequiredTicket;
        if (string.IsNullOrWhiteSpace(request.Rest))
            return Task.FromResult(SlackMessage.Ephemeral($"Say what to send: `{request.Command} {ticket.Number} reply <text>`."));
        var said = answers.Send(ticket.Number, request.UserId, request.Rest.Trim(), CustomerAnswers.CommandAnswerId(request.Slash, ticket.Number),
            $"Sending your answer on *#{ticket.Number}* to the customer.");
        return Task.FromResult(SlackMessage.Ephemeral(said));
    }
}
