using System.Collections.Concurrent;

namespace SupportBot.Tickets;

/// <summary>
/// One copy of each of the few channel ids, customer names and user ids that the in-memory views of many tickets
/// repeat (the dashboard's facts, the open tickets): each ticket read from the store brings its own copies, about
/// 110 bytes a ticket (11 MB at 100,000 tickets).
/// </summary>
public sealed class SharedStrings
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string? Share(string? value) => value is null ? null : _strings.GetOrAdd(value, value);
}
