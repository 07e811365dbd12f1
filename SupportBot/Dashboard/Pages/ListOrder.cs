using SupportBot.Dashboard.Data;

namespace SupportBot.Dashboard.Pages;

/// <summary>Narrows a ticket list to a <see cref="ListQuery"/>'s filters and puts it in the order it asks for.</summary>
public static class ListOrder
{
    /// <param name="name">How an assignee is shown, so sorting by assignee follows the names people read.</param>
    public static IReadOnlyList<TicketFact> Apply(IEnumerable<TicketFact> tickets, ListQuery query, DateTime now, Func<string, string> name)
    {
        var kept = tickets.Where(t =>
            (query.Customer is null || string.Equals(t.Customer, query.Customer, StringComparison.OrdinalIgnoreCase))
            && (query.Priority is null || t.Priority == query.Priority)
            && (query.Source is null || t.Source == query.Source)
            && (query.Status is null || t.Status == query.Status)
            && (query.Assignee is null || t.AssigneeId == (query.Assignee == ListQuery.Unassigned ? null : query.Assignee))
            && (query.Tag is null || TicketLists.TagsOf(t).Contains(query.Tag)));
        // LINQ's sort is stable: equal keys keep the work order, the order a lead reads the queue in
        var workOrder = TicketLists.InWorkOrder(kept).ToList();
        if (query.Sort == ListSort.Due)
            return query.Descending ? Enumerable.Reverse(workOrder).ToList() : workOrder;
        IComparer<TicketFact> byKey = query.Sort switch
        {
            ListSort.Ticket => By(t => t.Number),
            ListSort.Risk => By(t => t.Risk(now)),
            ListSort.Priority => By(t => t.Priority),
            ListSort.Age => By(t => now - t.CreatedAt),
            ListSort.Customer => Text(t => t.Customer),
            ListSort.Source => Text(t => t.Source.ToString()),
            ListSort.Status => By(t => t.Status),
            _ => Text(t => t.AssigneeId is { } id ? name(id) : null),
        };
        return (query.Descending ? workOrder.OrderByDescending(t => t, byKey) : workOrder.OrderBy(t => t, byKey)).ToList();
    }

    private static Comparer<TicketFact> By<T>(Func<TicketFact, T> key) =>
        Comparer<TicketFact>.Create((a, b) => Comparer<T>.Default.Compare(key(a), key(b)));

    /// <summary>Text without case; a blank (no customer, nobody assigned) sorts after every name (before them descending).</summary>
    private static Comparer<TicketFact> Text(Func<TicketFact, string?> key) => Comparer<TicketFact>.Create((a, b) =>
        (key(a), key(b)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (x, y) => StringComparer.OrdinalIgnoreCase.Compare(x, y),
        });
}
