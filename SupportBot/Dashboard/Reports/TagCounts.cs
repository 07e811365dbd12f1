using SupportBot.Dashboard.Data;

namespace SupportBot.Dashboard.Reports;

/// <summary>How many tickets carry each tag: most used first, then by name.</summary>
public static class TagCounts
{
    public static List<KeyValuePair<string, int>> Of(IEnumerable<TicketFact> tickets)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tickets)
        {
            if (t.Tags.Length == 0)
                continue;
            foreach (var tag in t.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }
        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }
}
