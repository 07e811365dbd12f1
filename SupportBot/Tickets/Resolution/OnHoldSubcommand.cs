using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Tickets.Resolution;

/// <summary>
/// <c>/status 12 on-hold https://github.com/org/repo/issues/9 [note]</c>: on hold while engineering fixes a defect;
/// the link is recorded and serves a later <c>solved defect</c> (or <c>workaround</c>) without typing it again.
/// </summary>
public sealed class OnHoldSubcommand(StatusChanger changer) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["on-hold", "hold", "onhold", "on_hold"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 on-hold [defect url] [note]` puts it on hold, recording the defect's link";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var words = request.Rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? link = null;
        var note = request.Rest;
        if (words.Length > 0 && IssueLink.LooksLikeLink(words[0]))
        {
            link = IssueLink.Parse(words[0]);
            if (link is null)
                return Answer($"`{Slack.SlackText.Quote(words[0])}` is not a valid link; give the defect's full http(s) URL.");
            note = words.ElementAtOrDefault(1) ?? "";
        }
        var history = link is null ? note : $"defect {link}" + (note.Length == 0 ? "" : $": {note}");
        var answer = changer.Change(request.RequiredTicket.Number, TicketStatus.OnHold, request.UserId,
            history.Length == 0 ? null : history, request.IsTeam,
            alongside: link is null ? null : (set, ticket) => ticket.Resolution = new TicketResolution { Path = ResolutionPath.Defect, Link = link, At = set.Now });
        return Answer(link is null ? answer : $"{answer} Defect link recorded: {Slack.SlackText.Escape(link)}");
    }

    private static Task<SlackMessage> Answer(string text) => Task.FromResult(SlackMessage.Ephemeral(text));
}
