using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using SupportBot.Time;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>The Queue and Mine pages: open tickets by SLA due, then priority, then age, unless the lead sorts otherwise.</summary>
public static class TicketLists
{
    public static IEnumerable<TicketFact> InWorkOrder(IEnumerable<TicketFact> tickets) =>
        tickets.OrderBy(t => t.FirstResponseAt is null ? t.FirstResponseDueAt ?? DateTime.MaxValue : DateTime.MaxValue)
            .ThenBy(t => t.Priority).ThenBy(t => t.CreatedAt);

    public static string Queue(IReadOnlyList<TicketFact> all, ListQuery query, DateTime now, SlackUserDirectory names)
    {
        var queue = all.Where(t => t.IsOpen && t.AssigneeId is null && t.Kind == TicketKind.Request).ToList();
        return $"<p>{N(queue.Count)} unassigned open ticket{(queue.Count == 1 ? "" : "s")}, the most urgent first.</p>" +
               ListTable.Render("/", query, queue, [], "Unassigned tickets", "The queue is empty.", now, names);
    }

    public static string Mine(IReadOnlyList<TicketFact> all, string userId, ListQuery query, DateTime now, SlackUserDirectory names) =>
        ListTable.Render("/mine", query, all.Where(t => t.IsOpen && t.AssigneeId == userId).ToList(), [],
            "Your open tickets and Tasks", "You hold no open tickets.", now, names);

    public static IReadOnlyList<string> Row(TicketFact t, DateTime now, SlackUserDirectory names, bool withAssignee)
    {
        var cells = new List<string>
        {
            TicketLink(t.Number, names.Readable(t.Subject)) + (t.Kind == TicketKind.Task ? " <span class=\"muted\">(Task)</span>" : "") + Chips(TagsOf(t)),
            Due(t, now), Risk(t, now), E(t.Priority.ToString()), E(Durations.Short(now - t.CreatedAt)), E(t.Customer ?? "–"),
            E(t.Source.ToString()), E(t.Status.Display()),
        };
        if (withAssignee)
            cells.Add(t.AssigneeId is { } a ? People.EngineerLink(a, names) : "<span class=\"muted\">unassigned</span>");
        return cells;
    }

    /// <summary>The fact keeps its tags as one shared, space-separated string (as the CSV writes them).</summary>
    public static string[] TagsOf(TicketFact t) => t.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A ticket's tags as small labels after its subject, so the list needs no extra column.</summary>
    public static string Chips(IReadOnlyList<string> tags) =>
        string.Concat(tags.Select(tag => $" <span class=\"tag\">{E(tag)}</span>"));

    public static string Due(TicketFact t, DateTime now)
    {
        if (t.FirstResponseAt is not null)
            return "<span class=\"muted\">answered</span>";
        if (t.FirstResponseDueAt is not { } due)
            return "–";
        return due <= now ? $"<span class=\"overdue\">overdue {E(Durations.Short(now - due))}</span>"
            : $"{E(Stamp(due))} <span class=\"muted\">(in {E(Durations.Short(due - now))})</span>";
    }

    /// <summary>The at-risk column: inside the window the SLA reminders use (<see cref="TicketFact.AtRiskAt"/>), or past due.</summary>
    public static string Risk(TicketFact t, DateTime now) => t.Risk(now) switch
    {
        SlaRisk.Breached => "<span class=\"overdue\">breached</span>",
        SlaRisk.AtRisk => "<span class=\"at-risk\">at risk</span>",
        _ => "–",
    };
}
