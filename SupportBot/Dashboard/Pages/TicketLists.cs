using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using static SupportBot.Dashboard.Html.Html;

using SupportBot.Time;

namespace SupportBot.Dashboard.Pages;

/// <summary>The Queue and Mine pages: open tickets by SLA due, then priority, then age.</summary>
public static class TicketLists
{
    public static IEnumerable<TicketFact> InWorkOrder(IEnumerable<TicketFact> tickets) =>
        tickets.OrderBy(t => t.FirstResponseAt is null ? t.FirstResponseDueAt ?? DateTime.MaxValue : DateTime.MaxValue)
            .ThenBy(t => t.Priority).ThenBy(t => t.CreatedAt);

    public static string Queue(IReadOnlyList<TicketFact> all, DateTime now, SlackUserDirectory names)
    {
        var queue = InWorkOrder(all.Where(t => t.IsOpen && t.AssigneeId is null && t.Kind == TicketKind.Request)).ToList();
        return $"<p>{N(queue.Count)} unassigned open ticket{(queue.Count == 1 ? "" : "s")}, the most urgent first.</p>" +
               Table("Unassigned tickets", ["Ticket", "SLA due", "Priority", "Age", "Customer", "Source", "Status"],
                   queue.Select(t => Row(t, now, names, withAssignee: false)), "The queue is empty.");
    }

    public static string Mine(IReadOnlyList<TicketFact> all, string userId, DateTime now, SlackUserDirectory names)
    {
        var mine = InWorkOrder(all.Where(t => t.IsOpen && t.AssigneeId == userId)).ToList();
        return Table("Your open tickets and Tasks", ["Ticket", "SLA due", "Priority", "Age", "Customer", "Source", "Status"],
            mine.Select(t => Row(t, now, names, withAssignee: false)), "You hold no open tickets.");
    }

    public static IReadOnlyList<string> Row(TicketFact t, DateTime now, SlackUserDirectory names, bool withAssignee)
    {
        var cells = new List<string>
        {
            TicketLink(t.Number, names.Readable(t.Subject)) + (t.Kind == TicketKind.Task ? " <span class=\"muted\">(Task)</span>" : ""),
            Due(t, now), E(t.Priority.ToString()), E(Durations.Short(now - t.CreatedAt)), E(t.Customer ?? "–"),
            E(t.Source.ToString()), E(t.Status.Display()),
        };
        if (withAssignee)
            cells.Add(E(t.AssigneeId is { } a ? names.Display(a) : "unassigned"));
        return cells;
    }

    public static string Due(TicketFact t, DateTime now)
    {
        if (t.FirstResponseAt is not null)
            return "<span class=\"muted\">answered</span>";
        if (t.FirstResponseDueAt is not { } due)
            return "–";
        return due <= now ? $"<span class=\"overdue\">overdue {E(Durations.Short(now - due))}</span>"
            : $"{E(Stamp(due))} <span class=\"muted\">(in {E(Durations.Short(due - now))})</span>";
    }
}
