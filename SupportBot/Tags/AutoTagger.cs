using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tags;

/// <summary>
/// Applies the <c>Tags:Auto</c> rules to a ticket before it is first stored, whatever its source (form, #help,
/// mail, GitHub, webhook all go through <see cref="TicketIntake"/>), so its first triage card already shows them.
/// </summary>
public sealed class AutoTagger : ITicketCreatedHook
{
    private readonly IReadOnlyList<(Regex Words, string Tag)> _rules;

    public AutoTagger(IOptions<TagsOptions> options) =>
        _rules = [.. options.Value.Auto.Where(r => r.Contains.Exists(w => !string.IsNullOrWhiteSpace(w)) && r.Tag is not null)
            .Select(r => (Pattern(r.Contains), TagWords.Normal(r.Tag!)))];

    public void OnCreating(Ticket ticket, DateTime now)
    {
        var given = _rules.Where(r => r.Words.IsMatch(ticket.Subject) || r.Words.IsMatch(ticket.Description))
            .Select(r => r.Tag).Where(tag => !ticket.Tags.Contains(tag)).Distinct().ToList();
        if (given.Count == 0)
            return;
        ticket.Tags = [.. ticket.Tags.Union(given).Order(StringComparer.Ordinal).Take(TagWords.MaxPerTicket)];
        ticket.History.Add(new TicketHistoryEntry { At = now, What = $"Tagged {string.Join(", ", given.Order(StringComparer.Ordinal))} by rule" });
    }

    /// <summary>
    /// Any of the words or phrases as a whole word in any case: "sso" finds "Our SSO login" but not "lasso"; a phrase's
    /// spaces match any run of white space, as a description wraps lines. Literal text only, so no backtracking blow-up.
    /// </summary>
    private static Regex Pattern(IEnumerable<string> contains)
    {
        var words = contains.Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => string.Join(@"\s+", w.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        return new Regex($@"(?<![\p{{L}}\p{{N}}_])(?:{string.Join("|", words)})(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
