using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Intake;

/// <summary><c>/status 12 reply &lt;text&gt;</c>: answers a customer who wrote by mail or on GitHub, from Slack.</summary>
public sealed class ReplySubcommand(CustomerAnswers answers) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["reply"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 reply <text>` answers the customer of an email or GitHub ticket";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var ticket = request.RequiredTicket;
        if (string.IsNullOrWhiteSpace(request.Rest))
            return Task.FromResult(SlackMessage.Ephemeral($"Say what to send: `{request.Command} {ticket.Number} reply <text>`."));
        var said = answers.Send(ticket.Number, request.UserId, request.Rest.Trim(), $"answer:{Guid.NewGuid():N}",
            $"Sending your answer on *#{ticket.Number}* to the customer.");
        return Task.FromResult(SlackMessage.Ephemeral(said));
    }
}
