using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Status.Subcommands;

/// <summary>
/// <c>/status 12 pending waiting for logs</c>: moves a ticket through its lifecycle, with a note. Solving and
/// on-hold record a resolution or a defect link, so they have their own subcommands (Tickets/Resolution).
/// </summary>
public sealed class ChangeStatusSubcommand(StatusChanger changer) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } =
        ["pending", "open", "reopen", "closed", "close", "new"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 pending|open|closed [note]` changes its status";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var to = TicketStatusNames.Parse(request.Word)!.Value;
        // a note reads as the engineer wrote it: with should_escape on, Slack sends @alice as <@U123|alice>
        var note = request.Rest.Length == 0 ? null : SlackMarkup.Readable(request.Rest);
        return Task.FromResult(SlackMessage.Ephemeral(changer.Change(request.RequiredTicket.Number, to, request.UserId, note, request.IsTeam)));
    }
}
