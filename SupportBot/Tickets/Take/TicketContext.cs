using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Slack;
using SupportBot.Tickets.Resolution;

namespace SupportBot.Tickets.Take;

/// <summary>The parts of a take's context that look beyond the ticket: the customer's record, other tickets, similar cases.</summary>
public sealed class TicketContext(TicketStore store, ISimilarTickets search, IOptions<SlackOptions> slack)
{
    public const int MaxOtherOpen = 5;
    public const int MaxSimilar = 3;

    public static string Stage(Customer? c) => c is null ? "" : $" · {c.Lifecycle.Display()} · {c.Contract.Display()} contract";

    /// <summary>Self-service customers have no CE: their signal is the billing alerts.</summary>
    public static string Ce(Customer? c, Ticket t) =>
        c?.Lifecycle == CustomerLifecycle.SelfService && c.Ce is null ? "no CE: check billing alerts"
        : (c?.Ce ?? t.CeId) is { } ce ? $"CE: {SlackText.User(ce)}"
        : "CE: none";

    public static string Record(Customer? c)
    {
        if (c is null)
            return "";
        var lines = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(c.Exceptions))
            lines.AppendLine($"> Exceptions: {SlackText.Escape(c.Exceptions.ReplaceLineEndings(" · "))}");
        if (c.Links.Count > 0)
            lines.AppendLine($"> Links: {string.Join(" · ", c.Links.Select(Link))}");
        return lines.ToString();
    }

    public string OtherOpen(Ticket ticket, Customer? customer)
    {
        if (customer is null || ticket.IsTask)
            return "";
        var others = store.OpenWhere(t => t.Number != ticket.Number && customer.Channels.Contains(t.ChannelId, StringComparer.Ordinal))
            .OrderBy(t => t.Number).ToList();
        if (others.Count == 0)
            return $"> No other open tickets from {SlackText.Escape(customer.Name)}.\n";
        var shown = others.Take(MaxOtherOpen).Select(t =>
            $"#{t.Number} {SlackText.Quote(t.Subject, 60)} ({t.Status.Display()}, {(t.AssigneeId is { } a ? SlackText.User(a) : "unassigned")})");
        var more = others.Count > MaxOtherOpen ? $" · and {others.Count - MaxOtherOpen} more" : "";
        return $"> Other open tickets from {SlackText.Escape(customer.Name)}: {string.Join(" · ", shown)}{more}\n";
    }

    public string SimilarSolved(Ticket ticket)
    {
        var answer = search.Similar(ticket, MaxSimilar, solvedOnly: true);
        if (!answer.Ready)
            return "> Similar solved tickets: search is still indexing.\n";
        if (answer.Hits.Count == 0)
            return "";
        var lines = new StringBuilder("> Similar solved tickets:\n");
        foreach (var hit in answer.Hits)
            lines.AppendLine($">  • #{hit.Number} {SlackText.Quote(hit.Subject, 80)}{Resolved(store.Find(hit.Number))}");
        return lines.ToString();
    }

    /// <summary>The path and the public link; a security link stays in <c>/ticket N</c>, never in a message.</summary>
    private string Resolved(Ticket? t) => t?.Resolution is not { } r
        ? ""
        : $" — {r.Path.Word()}" + (r.Link is null ? "" : r.Path.LinkIsPublic() ? $" {Link(r.Link)}" : $" (private link in `{slack.Value.Commands.Status} {t.Number}`)");

    private static string Link(string line)
    {
        var parts = line.Split(' ');
        var url = parts[^1];
        var label = string.Join(' ', parts[..^1]).TrimEnd(':').Trim();
        return IssueLink.Parse(url) is not { } ok ? SlackText.Escape(line) : label.Length == 0 ? $"<{ok}>" : SlackText.Link(ok, label);
    }
}
