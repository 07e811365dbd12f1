using SupportBot.Slack;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Tickets.Resolution;

/// <summary>
/// The resolution as <c>/status 12</c> shows it to the team, with a security link and the note; the requester reads
/// their own ticket through the customer view instead, which has neither.
/// </summary>
public static class ResolutionView
{
    public static string? Line(Ticket t)
    {
        if (t.Resolution is not { } r)
            return null;
        var link = r.Link is null ? "" : $" · {(r.Path == ResolutionPath.Security ? "private link" : "link")}: {SlackText.Escape(r.Link)}";
        if (!t.Status.IsDone())
            return r.Link is null ? null : $"Defect link: {SlackText.Escape(r.Link)}";
        var by = r.SolvedBy is null ? "the bot" : SlackText.User(r.SolvedBy);
        var note = string.IsNullOrWhiteSpace(r.Note) ? "" : $"\n> {SlackText.Quote(r.Note, 300)}";
        return $"Resolution: *{r.Path.Word()}* ({r.Path.Describe()}){link} · solved by {by} " +
               $"{Durations.Stamp(r.At)}{note}";
    }
}
