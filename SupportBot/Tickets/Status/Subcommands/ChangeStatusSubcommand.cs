using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Status.Subcommands;

/// <summary><c>/status 12 pending waiting for logs</c>: moves a ticket through its lifecycle, with a note.</summary>
public sealed class ChangeStatusSubcommand(StatusChanger changer) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } =
        ["pending", "on-hold", "hold", "onhold", "on_hold", "open", "reopen", "solved", "solve", "resolved", "closed", "close", "new"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 pending|on-hold|open|solved|closed [note]` changes its status";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var to = TicketStatusNames.Parse(request.Word)!.Value;
        // a note reads as the engineer wrote it: with should_escape on, Slack sends @alice as <@U123|alice>
        var note = request.Rest.Length == 0 ? null : SlackMarkup.Readable(request.Rest);
        return Task.FromResult(SlackMessage.Ephemeral(changer.Change(request.RequiredTicket.Number, to, request.UserId, note, request.IsTeam)));
    }
}
