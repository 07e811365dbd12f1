namespace SupportBot.Tickets.Status;

/// <summary>
/// The history line a status change writes ("Open → Pending: waiting for logs"), and how it is recognised again:
/// the customer's "last update" counts these and no other history line.
/// </summary>
public static class StatusHistory
{
    private const string Arrow = " → ";

    public static string Line(TicketStatus from, TicketStatus to, string? note) =>
        $"{from.Display()}{Arrow}{to.Display()}" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note}");

    /// <summary>Every "From → To" a status change can start with, made once rather than for each history line read.</summary>
    private static readonly string[] Changes =
        [.. Enum.GetValues<TicketStatus>().SelectMany(from => Enum.GetValues<TicketStatus>().Select(to => $"{from.Display()}{Arrow}{to.Display()}"))];

    public static bool IsStatusChange(TicketHistoryEntry entry) =>
        Changes.Any(change => entry.What.StartsWith(change, StringComparison.Ordinal));
}
