using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Work.Notes;

public enum NoteOutcome
{
    Added,
    AlreadyRecorded,
    Empty,
    Full,
}

/// <summary>
/// Internal notes (seed step 10): stored on the ticket with author and time, shown by <c>/status 12</c>, never sent
/// anywhere a customer reads. A note recorded from a Slack message keeps its channel and ts, so one message is one note.
/// </summary>
public static class TicketNotes
{
    /// <summary>A note longer than this is cut (at a character boundary a person sees); Slack messages can be 40,000.</summary>
    public const int MaxText = 3000;

    /// <summary>Keeps one ticket document well inside LiteDB's limits; the team is told when a ticket is full.</summary>
    public const int MaxNotes = 500;

    public static NoteOutcome Add(TicketChangeSet set, Ticket ticket, string actorId, string authorId, string text,
        string? sourceChannel = null, string? sourceTs = null)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return NoteOutcome.Empty;
        if (sourceTs is not null && ticket.Notes.Exists(n => n.SourceTs == sourceTs && n.SourceChannel == sourceChannel))
            return NoteOutcome.AlreadyRecorded;
        if (ticket.Notes.Count >= MaxNotes)
            return NoteOutcome.Full;
        ticket.Notes.Add(new TicketNote
        {
            At = set.Now, AuthorId = authorId, Text = Cap(trimmed), SourceChannel = sourceChannel, SourceTs = sourceTs,
        });
        var from = sourceTs is null ? "" : " from a Slack message";
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = $"Added an internal note{from}" });
        set.Update(ticket);
        return NoteOutcome.Added;
    }

    public static string Cap(string text) => SlackText.Shorten(text, MaxText);
}
