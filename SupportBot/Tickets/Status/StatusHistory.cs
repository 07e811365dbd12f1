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

    public static bool IsStatusChange(TicketHistoryEntry entry) =>
        Enum.GetValues<TicketStatus>().Any(from => Enum.GetValues<TicketStatus>().Any(to =>
            entry.What.StartsWith($"{from.Display()}{Arrow}{to.Display()}", StringComparison.Ordinal)));
}
