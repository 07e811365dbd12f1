using System.Globalization;

namespace SupportBot.Tickets;

/// <summary>
/// What the ticket's Slack thread has said so far (stored on the ticket): counts and last times for every reply,
/// the text of the last <see cref="MaxEntries"/> only, so a long thread cannot grow the ticket document without bound.
/// </summary>
public sealed class Conversation
{
    public const int MaxEntries = 50;
    public const int MaxText = 1000;

    public int CustomerReplies { get; set; }
    public int TeamReplies { get; set; }
    public DateTime? LastCustomerReplyAt { get; set; }
    public DateTime? LastTeamReplyAt { get; set; }

    /// <summary>
    /// When the customer's oldest unanswered message came: set by a customer reply, cleared by the team's. The
    /// next-reply SLA clock runs from here (Sla/SlaClocks), and clears it when the ticket is solved.
    /// </summary>
    public DateTime? WaitingSince { get; set; }

    /// <summary>The most recent replies, oldest first; their ts values are what makes a repeated message a no-op.</summary>
    public List<ConversationEntry> Entries { get; set; } = [];

    public int Count => CustomerReplies + TeamReplies;

    /// <summary>Records a reply; false when this message (by ts) was recorded before.</summary>
    public bool Add(ConversationEntry entry)
    {
        if (Seen(entry))
            return false;
        entry.Text = Cap(entry.Text);
        Entries.Add(entry);
        Entries.Sort((a, b) => Order(a).CompareTo(Order(b)));
        if (Entries.Count > MaxEntries)
            Entries.RemoveRange(0, Entries.Count - MaxEntries);
        if (entry.FromTeam)
        {
            TeamReplies++;
            LastTeamReplyAt = Later(LastTeamReplyAt, entry.At);
            WaitingSince = null;
        }
        else
        {
            CustomerReplies++;
            LastCustomerReplyAt = Later(LastCustomerReplyAt, entry.At);
            WaitingSince ??= entry.At;
        }
        return true;
    }

    /// <summary>
    /// An edit (message_changed) replaces the text and files of a recorded reply; counts stay as they are. Returns
    /// the text it replaced (for the history), or null when nothing changed (unknown, deleted, or the same text).
    /// </summary>
    public string? Edit(string ts, string text, DateTime at, List<MessageFile>? files = null)
    {
        var entry = Entries.Find(e => e.Ts == ts);
        if (entry is null || entry.DeletedAt is not null || entry.Text == Cap(text))
            return null;
        var before = entry.Text;
        entry.Text = Cap(text);
        entry.Files = files ?? entry.Files;
        entry.EditedAt = at;
        return before;
    }

    /// <summary>A deleted reply keeps its place and author but none of its words or files; false when unknown or deleted before.</summary>
    public bool Delete(string ts, DateTime at)
    {
        var entry = Entries.Find(e => e.Ts == ts);
        if (entry is null || entry.DeletedAt is not null)
            return false;
        entry.Text = "";
        entry.Files = [];
        entry.DeletedAt = at;
        return true;
    }

    public bool Contains(string ts) => Entries.Exists(e => e.Ts == ts);

    /// <summary>Recorded, or older than everything still kept once the list is full (it was trimmed away, so counted already).</summary>
    private bool Seen(ConversationEntry entry) =>
        Contains(entry.Ts) || (Entries.Count >= MaxEntries && Order(entry) <= Order(Entries[0]));

    /// <summary>
    /// Where an entry sorts: a Slack ts is the message's own time in epoch seconds; an answer sent from Slack or a
    /// mail has an id instead ("answer:…", a Message-Id), so its recorded time stands in, in the same unit. Ordering
    /// such ids as 0 put them first, and a full conversation then took them for trimmed ones and dropped them.
    /// </summary>
    private static decimal Order(ConversationEntry entry) =>
        decimal.TryParse(entry.Ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ts) && ts > 0 ? ts
            : (decimal)(entry.At - DateTime.UnixEpoch).TotalSeconds;

    private static string Cap(string text) => Slack.SlackText.Shorten(text, MaxText);

    private static DateTime Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;
}

/// <summary>One reply in a ticket's thread. A class, because LiteDB maps by setters.</summary>
public sealed class ConversationEntry
{
    /// <summary>Slack's message ts: the message's identity in its channel.</summary>
    public string Ts { get; set; } = "";
    public string UserId { get; set; } = "";
    public bool FromTeam { get; set; }
    public string Text { get; set; } = "";

    /// <summary>A mail's new words without the quoted history and signature its client appended, when they differ from <see cref="Text"/>: what the triage thread mirrors.</summary>
    public string? NewText { get; set; }

    public DateTime At { get; set; }
    public DateTime? EditedAt { get; set; }

    /// <summary>Files shared with the reply (names, sizes, links).</summary>
    public List<MessageFile> Files { get; set; } = [];

    /// <summary>When its author deleted it: from then on it is shown as deleted, never as their words.</summary>
    public DateTime? DeletedAt { get; set; }

    public const string Deleted = "(deleted by its author)";

    /// <summary>What a view shows for the reply (a method: stores map properties).</summary>
    public string Shown() => DeletedAt is null ? Text : Deleted;
}
