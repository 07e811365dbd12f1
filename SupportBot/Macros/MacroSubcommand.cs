using SupportBot.Intake;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Macros;

/// <summary><c>/ticket 12 macro need-logs</c>: sends that saved reply to #12's customer, once however often Slack retries.</summary>
public sealed class MacroSubcommand(MacroSender sender) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["macro"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 macro NAME` sends a saved reply to the customer (`{command} macros` lists them)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var number = request.RequiredTicket.Number;
        var name = request.Rest.Trim();
        if (name.Length == 0)
            return Task.FromResult(SlackMessage.Ephemeral($"Name the saved reply: `{request.Command} {number} macro need-logs`."));
        var said = sender.Send(number, name, request.UserId, CustomerAnswers.CommandAnswerId(request.Slash, number));
        return Task.FromResult(SlackMessage.Ephemeral(said));
    }
}
