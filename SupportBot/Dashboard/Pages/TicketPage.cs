using SupportBot.Csat;
using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using static SupportBot.Dashboard.Html.Html;

using SupportBot.Time;

namespace SupportBot.Dashboard.Pages;

/// <summary>One ticket: fields, conversation, internal notes, Tasks, history, resolution and links.</summary>
public static class TicketPage
{
    /// <param name="actions">Html: the forms that act on the ticket (<see cref="TicketActionForms"/>), shown after its fields.</param>
    public static string Render(Ticket t, IReadOnlyList<TicketFact> tasks, DateTime now, SlackUserDirectory names, string actions = "")
    {
        var fields = new List<(string, string)>
        {
            ("Status", $"{E(t.Status.Display())} · next action: {E(t.Status.NextAction())}"),
            ("Kind", t.IsTask ? $"Task of {(t.TaskOf is { } p ? $"<a href=\"/tickets/{N(p)}\">#{N(p)}</a>" : "–")}" : "Customer request"),
            ("Assignee", E(t.AssigneeId is { } a ? names.Display(a) : "unassigned")),
            ("Priority", E(t.Priority.ToString())),
            ("Tags", t.Tags.Count == 0 ? "–" : string.Join(" ", t.Tags.Select(tag => $"<a class=\"tag\" href=\"{E(TagListHref(tag))}\">{E(tag)}</a>"))),
            ("Customer", E(t.CustomerName ?? "unknown") + (t.Tier is null ? "" : $" ({E(t.Tier)})") + (t.CeId is null ? "" : $" · CE {E(names.Display(t.CeId))}")),
            ("Requester", E(t.RequesterName ?? names.Display(t.RequesterId))),
            ("Source", E(t.Source.ToString())),
            ("Created", $"{E(Stamp(t.CreatedAt))} ({E(Durations.Short(now - t.CreatedAt))} ago)"),
            ("First response", t.FirstResponseAt is { } f ? $"{E(Stamp(f))} (after {E(Durations.Short(f - t.CreatedAt))})"
                : t.FirstResponseDueAt is { } due ? $"not yet · SLA due {E(Stamp(due))}" : "not yet"),
            ("SLA targets", E(t.IsTask ? "none (a Task)" : SlaLines.Targets(t))),
            ("Next reply", E(SlaLines.NextReply(t) ?? "nobody waiting")),
            ("Resolution target", E(SlaLines.Resolution(t) ?? "none")),
            ("Solved", E(Stamp(t.SolvedAt))),
            ("CSAT", t.Csat is { } c ? E(CsatQuestion.Label(c.Rating) + (c.Comment is null ? "" : $" · “{names.Readable(c.Comment)}”")) : "–"),
        };
        if (t.FollowUpOf is { } original)
            fields.Add(("Follow-up of", $"<a href=\"/tickets/{N(original)}\">#{N(original)}</a>"));
        if (t.DuplicateOf is { } kept)
            fields.Add(("Duplicate of", $"<a href=\"/tickets/{N(kept)}\">#{N(kept)}</a> (closed as its duplicate)"));
        if (t.Duplicates.Count > 0)
            fields.Add(("Merged into this one", Numbers(t.Duplicates)));
        if (t.Related.Count > 0)
            fields.Add(("Related", Numbers(t.Related)));
        if (TicketLinks.Thread(t) is { } thread)
            fields.Add(("Slack thread", ExternalLink(thread, "open in Slack")));
        var html = "<dl class=\"fields\">" + string.Concat(fields.Select(f => $"<dt>{E(f.Item1)}</dt><dd>{f.Item2}</dd>")) + "</dl>";
        html += actions;
        if (!string.IsNullOrWhiteSpace(t.Description))
            html += $"<h2>Description</h2><ol class=\"entries\"><li>{E(names.Readable(t.Description))}</li></ol>";
        html += "<h2>Resolution</h2>" + Resolution(t.Resolution, names);
        if (t.PostDeletedAt is { } deleted)
            html += $"<p class=\"warning\">{E(TriageCard.PostDeleted)} ({E(Stamp(deleted))})</p>";
        html += "<h2>Conversation</h2>" + Entries(t.Conversation.Entries.Select(e =>
            (e.FromTeam ? "team" : "customer", $"{(e.FromTeam ? "Team" : "Customer")} {names.Display(e.UserId)} · {Stamp(e.At)}", names.Readable(e.Shown()), Files(e.Files))),
            "No replies in the thread yet.");
        html += "<h2>Internal notes</h2>" + Entries(t.Notes.Select(n => ("note", $"{names.Display(n.AuthorId)} · {Stamp(n.At)}", names.Readable(n.Text), "")), "No internal notes.");
        html += "<h2>Tasks</h2>" + Table("Tasks from this ticket", ["Task", "Status", "Assignee"],
            tasks.Select(k => (IReadOnlyList<string>)[TicketLink(k.Number, names.Readable(k.Subject)), E(k.Status.Display()), E(k.AssigneeId is { } a ? names.Display(a) : "unassigned")]), "No Tasks.");
        html += "<h2>History</h2>" + Table("What happened, oldest first", ["When", "Who", "What"],
            t.History.Select(h => (IReadOnlyList<string>)[E(Stamp(h.At)), E(h.ActorId is { } who ? names.Display(who) : "bot"), E(names.Readable(h.What))]), "No history.");
        return html;
    }

    /// <summary>Other tickets' pages, "#12, #15".</summary>
    private static string Numbers(IEnumerable<int> numbers) =>
        string.Join(", ", numbers.Select(n => $"<a href=\"/tickets/{N(n)}\">#{N(n)}</a>"));

    /// <summary>Every open ticket with the tag: the Team page lists them all, whoever holds them.</summary>
    private static string TagListHref(string tag) => (ListQuery.Default with { Tag = tag }).Href(People.TeamPath) + "#open";

    private static string Resolution(TicketResolution? r, SlackUserDirectory names)
    {
        if (r is null)
            return "<p class=\"empty\">Not resolved yet.</p>";
        var link = r.Link is null ? "" : r.Path == ResolutionPath.Security
            ? $" · <span class=\"security\">Security link (team only):</span> {ExternalLink(r.Link, r.Link)}"
            : $" · {ExternalLink(r.Link, r.Link)}";
        return $"<p><strong>{E(r.Path.ToString())}</strong>{link} · {E(Stamp(r.At))}{(r.SolvedBy is null ? "" : $" by {E(names.Display(r.SolvedBy))}")}</p>" +
               (r.Note is null ? "" : $"<p>{E(names.Readable(r.Note))}</p>");
    }

    /// <summary>A reply's files, each a link to where it opens in Slack.</summary>
    private static string Files(List<MessageFile> files) => files.Count == 0 ? "" :
        "<ul class=\"files\">" + string.Concat(files.Select(f => $"<li>📎 {(f.Permalink is { } link ? ExternalLink(link, f.Label()) : E(f.Label()))}</li>")) + "</ul>";

    /// <param name="entries">Html: already-safe markup shown after the escaped text (a reply's file links).</param>
    private static string Entries(IEnumerable<(string Css, string Who, string Text, string Html)> entries, string empty)
    {
        var items = string.Concat(entries.Select(e => $"<li class=\"{e.Css}\"><span class=\"who\">{E(e.Who)}</span>{E(e.Text)}{e.Html}</li>"));
        return items.Length == 0 ? $"<p class=\"empty\">{E(empty)}</p>" : $"<ol class=\"entries\">{items}</ol>";
    }
}
