using SupportBot.Customers;
using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>Customers (from the settings and from tickets) with their open and past tickets.</summary>
public static class CustomersPage
{
    public const int PastShown = 10;

    public static string Render(IReadOnlyList<TicketFact> all, IReadOnlyList<Customer> configured, DateTime now, SlackUserDirectory people)
    {
        var byName = all.GroupBy(t => t.Customer ?? "(no customer)").ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var names = configured.Select(c => c.Name).Concat(byName.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = Table("Customers", ["Customer", "Tier", "CE", "Open", "All tickets"], names.Select(name =>
        {
            var record = configured.FirstOrDefault(c => c.Name == name);
            var tickets = byName.GetValueOrDefault(name) ?? [];
            return (IReadOnlyList<string>)[$"<a href=\"#{Anchor(name)}\">{E(name)}</a>", E(record?.Tier ?? "–"), record?.Ce is { } ce ? People.Name(ce, people) : "–",
                N(tickets.Count(t => t.IsOpen)), N(tickets.Count)];
        }), "No customers yet.");
        var sections = names.Select(name =>
        {
            var tickets = byName.GetValueOrDefault(name) ?? [];
            var open = TicketLists.InWorkOrder(tickets.Where(t => t.IsOpen)).ToList();
            var past = tickets.Where(t => !t.IsOpen).OrderByDescending(t => t.CreatedAt).Take(PastShown).ToList();
            return $"<section id=\"{Anchor(name)}\"><h2>{E(name)}</h2>" +
                   Table("Open", ["Ticket", "SLA due", "At risk", "Priority", "Age", "Customer", "Source", "Status", "Assignee"],
                       open.Select(t => TicketLists.Row(t, now, people, withAssignee: true)), "No open tickets.") +
                   Table($"Latest {PastShown} past tickets", ["Ticket", "Created", "Solved", "Resolution", "CSAT"], past.Select(t =>
                       (IReadOnlyList<string>)[TicketLink(t.Number, people.Readable(t.Subject)), E(Stamp(t.CreatedAt)), E(Stamp(t.SolvedAt ?? t.ClosedAt)),
                           E(t.Path?.ToString() ?? "–"), E(t.Csat?.ToString() ?? "–")]), "No past tickets.") +
                   "</section>";
        });
        return index + string.Concat(sections);
    }

    private static string Anchor(string name) => "c-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name)).ToLowerInvariant();
}
