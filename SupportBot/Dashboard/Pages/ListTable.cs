using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>
/// A ticket list with its filter form and sortable columns: a GET form and plain links, no script (the CSP allows
/// none). Every link keeps the other filters; the sorted column says so to screen readers (<c>aria-sort</c>).
/// </summary>
public static class ListTable
{
    private static readonly (string Header, ListSort Sort)[] Columns =
    [
        ("Ticket", ListSort.Ticket), ("SLA due", ListSort.Due), ("At risk", ListSort.Risk), ("Priority", ListSort.Priority),
        ("Age", ListSort.Age), ("Customer", ListSort.Customer), ("Source", ListSort.Source), ("Status", ListSort.Status),
    ];

    private static readonly (string Header, ListSort Sort) AssigneeColumn = ("Assignee", ListSort.Assignee);

    /// <param name="list">The page's whole list before filtering: the customer choices come from it.</param>
    /// <param name="engineers">The assignee choices; none means the list has no assignee column or filter.</param>
    public static string Render(string path, ListQuery query, IReadOnlyList<TicketFact> list, IReadOnlyList<string> engineers,
        string caption, string empty, DateTime now, SlackUserDirectory names)
    {
        var withAssignee = engineers.Count > 0;
        var shown = ListOrder.Apply(list, query, now, names.Display);
        var columns = withAssignee ? [.. Columns, AssigneeColumn] : Columns;
        var head = string.Concat(columns.Select(c => Header(path, query, c.Header, c.Sort)));
        var rows = string.Concat(shown.Select(t =>
            "<tr>" + string.Concat(TicketLists.Row(t, now, names, withAssignee).Select(c => $"<td>{c}</td>")) + "</tr>\n"));
        var summary = $"<p>{N(shown.Count)} of {N(list.Count)} shown{(query.HasFilters ? $" · <a href=\"{E(query.WithoutFilters().Href(path))}\">clear filters</a>" : "")}.</p>";
        var table = shown.Count == 0 ? $"<p class=\"empty\">{E(query.HasFilters ? "No ticket matches these filters." : empty)}</p>"
            : Scrolling(caption, $"<table class=\"sortable\"><caption>{E(caption)}</caption><thead><tr>{head}</tr></thead><tbody>\n{rows}</tbody></table>");
        return Filters(path, query, list, engineers, names) + summary + table;
    }

    private static string Header(string path, ListQuery query, string label, ListSort sort)
    {
        var active = query.Sort == sort;
        var ariaSort = active ? $" aria-sort=\"{(query.Descending ? "descending" : "ascending")}\"" : "";
        var arrow = active ? (query.Descending ? " ▼" : " ▲") : "";
        return $"<th scope=\"col\"{ariaSort}><a href=\"{E(query.SortedBy(sort).Href(path))}\">{E(label)}<span aria-hidden=\"true\">{arrow}</span></a></th>";
    }

    private static string Filters(string path, ListQuery query, IReadOnlyList<TicketFact> list, IReadOnlyList<string> engineers,
        SlackUserDirectory names)
    {
        var customers = list.Select(t => t.Customer).OfType<string>().Append(query.Customer).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Select(c => (c, c));
        var fields = Select("Customer", "customer", query.Customer, customers)
            + Select("Priority", "priority", query.Priority?.ToString(), Enum.GetNames<Priority>().Select(n => (n, n)))
            + Select("Source", "source", query.Source?.ToString(), Enum.GetNames<TicketSource>().Select(n => (n, n)))
            + Select("Status", "status", query.Status?.ToString(),
                Enum.GetValues<TicketStatus>().Where(s => !s.IsDone()).Select(s => (s.ToString(), s.Display())));
        // the tags on the list (and the one asked for), offered only once there are any
        var tags = list.SelectMany(TicketLists.TagsOf).Append(query.Tag).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
            fields += Select("Tag", "tag", query.Tag, tags.Select(t => (t, t)));
        if (engineers.Count > 0)
            fields += Select("Assignee", "assignee", query.Assignee,
                engineers.Select(e => (e, names.Display(e))).OrderBy(e => e.Item2, StringComparer.OrdinalIgnoreCase).Prepend((ListQuery.Unassigned, "Unassigned")));
        var keep = (query.Sort == ListSort.Due ? "" : Hidden("sort", query.Sort.ToString().ToLowerInvariant()))
                   + (query.Descending ? Hidden("dir", "desc") : "");
        return $"<form method=\"get\" action=\"{E(path)}\" class=\"filters\" aria-label=\"Filter the list\">{fields}{keep}<button type=\"submit\">Filter</button></form>";
    }

    private static string Select(string label, string name, string? current, IEnumerable<(string Value, string Text)> options) =>
        $"<label>{E(label)} <select name=\"{name}\"><option value=\"\">Any</option>" +
        string.Concat(options.Select(o =>
            $"<option value=\"{Value(o.Value)}\"{(string.Equals(o.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(o.Text)}</option>")) +
        "</select></label>";

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{Value(value)}\">";
}
