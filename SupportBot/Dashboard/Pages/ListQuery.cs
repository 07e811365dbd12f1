using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Pages;

/// <summary>The columns a ticket list sorts by; <see cref="Due"/> is the work order the lists open with.</summary>
public enum ListSort
{
    Due,
    Ticket,
    Risk,
    Priority,
    Age,
    Customer,
    Source,
    Status,
    Assignee,
}

/// <summary>
/// A ticket list's filters and sort order, read from the query string (<c>?customer=Globex&amp;priority=High&amp;sort=age&amp;dir=desc</c>)
/// so that every view is a plain link: the dashboard runs no script. A value it does not know is an error for a
/// 400 page, never a guess; an empty value (a form's "Any") is no filter.
/// </summary>
public sealed record ListQuery(string? Customer = null, Priority? Priority = null, TicketSource? Source = null,
    TicketStatus? Status = null, string? Assignee = null, ListSort Sort = ListSort.Due, bool Descending = false, string? Tag = null)
{
    /// <summary>The assignee filter's value for tickets nobody holds.</summary>
    public const string Unassigned = "none";

    public const int MaxCustomerLength = 200;

    /// <summary>Tags are at most this long (the Tags feature's rule), so a longer value is a mistyped link.</summary>
    public const int MaxTagLength = 40;

    public static readonly ListQuery Default = new();

    public static (ListQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var customer = Text(query, "customer", errors);
        if (customer?.Length > MaxCustomerLength)
            errors.Add($"customer is longer than {MaxCustomerLength} characters.");
        var assignee = Text(query, "assignee", errors);
        if (assignee is not null && assignee != Unassigned && !SlackIds.IsUser(assignee))
            errors.Add($"assignee must be a Slack user id (U…) or \"{Unassigned}\".");
        // tags are stored lower case: ?tag=Billing finds billing
        var tag = Text(query, "tag", errors)?.Trim().ToLowerInvariant();
        if (tag?.Length > MaxTagLength)
            errors.Add($"tag is longer than {MaxTagLength} characters.");
        var dir = Text(query, "dir", errors);
        if (dir is not (null or "asc" or "desc"))
            errors.Add("dir must be asc or desc.");
        var parsed = new ListQuery(customer, Named<Priority>(query, "priority", errors), Named<TicketSource>(query, "source", errors),
            Named<TicketStatus>(query, "status", errors), assignee, Named<ListSort>(query, "sort", errors) ?? ListSort.Due, dir == "desc", tag);
        return errors.Count == 0 ? (parsed, null) : (null, string.Join(" ", errors));
    }

    /// <summary>This view as a link to <paramref name="path"/>, naming only what differs from the default.</summary>
    public string Href(string path)
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("customer", Customer), ("priority", Priority?.ToString()), ("source", Source?.ToString()), ("status", Status?.ToString()),
            ("assignee", Assignee), ("tag", Tag), ("sort", Sort == ListSort.Due ? null : Sort.ToString().ToLowerInvariant()), ("dir", Descending ? "desc" : null),
        };
        var query = string.Join("&", pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>The link a column's header points at: the same filters, sorted by it (the other way if it already is).</summary>
    public ListQuery SortedBy(ListSort column) => this with { Sort = column, Descending = column == Sort && !Descending };

    public ListQuery WithoutFilters() => Default with { Sort = Sort, Descending = Descending };

    public bool HasFilters => this with { Sort = ListSort.Due, Descending = false } != Default;

    private static string? Text(IQueryCollection query, string key, List<string> errors)
    {
        var values = query[key];
        if (values.Count > 1)
            errors.Add($"{key} is given {values.Count} times; give it once.");
        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    /// <summary>An enum value by its name in any case; never by number, so <c>priority=7</c> is an error, not a ticket nobody has.</summary>
    private static T? Named<T>(IQueryCollection query, string key, List<string> errors) where T : struct, Enum
    {
        if (Text(query, key, errors) is not { } text)
            return null;
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        if (name is null)
            errors.Add($"{key} must be one of: {string.Join(", ", Enum.GetNames<T>())}.");
        return name is null ? null : Enum.Parse<T>(name);
    }
}
