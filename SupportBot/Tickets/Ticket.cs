
namespace SupportBot.Tickets;

/// <summary>A support request, stored as one LiteDB document. <see cref="Number"/> is the #N people say.</summary>
public sealed class Ticket
{
    public int Number { get; set; }

    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Normal;
    public TicketStatus Status { get; set; } = TicketStatus.New;
    public TicketSource Source { get; set; }

    /// <summary>A customer request, or a Task: the seed's internal to-do born from working a ticket.</summary>
    public TicketKind Kind { get; set; } = TicketKind.Request;

    /// <summary>For a Task: the ticket it was created from.</summary>
    public int? TaskOf { get; set; }

    /// <summary>The Tasks created from this ticket (each one's <see cref="TaskOf"/> points back), oldest first.</summary>
    public List<int> TaskNumbers { get; set; } = [];

    public string RequesterId { get; set; } = "";

    /// <summary>The requester's Slack name when known; shown instead of a mention where the requester should not be pinged.</summary>
    public string? RequesterName { get; set; }
    public string ChannelId { get; set; } = "";

    /// <summary>The customer-channel thread the ticket lives in; null until its confirmation is posted.</summary>
    public string? ThreadTs { get; set; }

    /// <summary>The triage card in the support channel, updated as the ticket changes.</summary>
    public string? TriageTs { get; set; }

    public string? CustomerName { get; set; }
    public string? Tier { get; set; }
    public string? CeId { get; set; }
    public string? AssigneeId { get; set; }

    /// <summary>The ticket this one follows up (a reply to a Closed ticket).</summary>
    public int? FollowUpOf { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }

    /// <summary>When the first response is due under the SLA; fixed at creation, recomputed if priority changes.</summary>
    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? SolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    public List<TicketHistoryEntry> History { get; set; } = [];

    /// <summary>Internal notes (seed step 10): for the team only, never posted where the customer can see them.</summary>
    public List<TicketNote> Notes { get; set; } = [];

    /// <summary>Questions asked in the collaboration channel (seed step 8.1) and the answers given in their threads.</summary>
    public List<TicketEscalation> Escalations { get; set; } = [];

    /// <summary>How the ticket was solved (seed step 9); null until it is.</summary>
    public TicketResolution? Resolution { get; set; }

    /// <summary>The requester's satisfaction rating, given once after the ticket was solved; null until then.</summary>
    public TicketCsat? Csat { get; set; }

    public SlaState Sla { get; set; } = new();

    public Conversation Conversation { get; set; } = new();

    /// <summary>The customer's conversation outside Slack (email, GitHub, none); null: the Slack thread above.</summary>
    public CustomerConversation? Via { get; set; }

    public ConversationKind Talks => Via?.Kind ?? ConversationKind.Slack;

    /// <summary>When the message the ticket was made from was deleted by its author: flagged for the team, nothing closed.</summary>
    public DateTime? PostDeletedAt { get; set; }

    /// <summary>Lower-case words the team files the ticket under (<c>/ticket N tag add</c>, Tags:Auto rules), sorted.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Related tickets (<c>/ticket N link M</c>), recorded on both.</summary>
    public List<int> Related { get; set; } = [];

    /// <summary>The ticket this one was merged into as a duplicate (it is Closed and its clocks stopped).</summary>
    public int? DuplicateOf { get; set; }

    /// <summary>Tickets merged into this one as duplicates.</summary>
    public List<int> Duplicates { get; set; } = [];

    /// <summary>The rotation's standing offer of this ticket to one engineer (Assignment:Mode rotation); null when none.</summary>
    public RotationOffer? Offer { get; set; }

    /// <summary>
    /// When the rotation's sweep next looks at this ticket (indexed, <see cref="SlaClock.Offer"/>): at creation to
    /// make the first offer, at an offer's expiry, at once after a pass or a take; null when nothing is owed.
    /// </summary>
    public DateTime? OfferDueAt { get; set; }

    public bool IsAssigned => AssigneeId is not null;

    public bool IsTask => Kind == TicketKind.Task;
}

/// <summary>A new ticket offered to one engineer by DM; nobody holds it until they press Take.</summary>
public sealed class RotationOffer
{
    public string UserId { get; set; } = "";
    public DateTime OfferedAt { get; set; }

    /// <summary>When the offer falls to the next engineer if unanswered.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Engineers who passed or let the offer lapse, in order.</summary>
    public List<string> Passed { get; set; } = [];

    /// <summary>The DM's channel and ts once Slack posted it, so the DM can be updated when the offer ends.</summary>
    public string? Channel { get; set; }
    public string? Ts { get; set; }

    /// <summary>Whether an engineer holds the offer now (empty <see cref="UserId"/>: between offers, or nobody left).</summary>
    public bool Standing => UserId.Length > 0;
}

public enum TicketKind
{
    Request,
    Task,
}

/// <summary>An internal note: who wrote it, when, and where it came from (a command, a shortcut, the triage thread).</summary>
public sealed class TicketNote
{
    public DateTime At { get; set; }
    public string AuthorId { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The Slack message it was recorded from, if any (channel and ts), so one message is one note.</summary>
    public string? SourceChannel { get; set; }
    public string? SourceTs { get; set; }
}

/// <summary>A question about the ticket posted to the collaboration channel; its thread's replies are kept here.</summary>
public sealed class TicketEscalation
{
    public DateTime At { get; set; }
    public string AuthorId { get; set; } = "";
    public string Question { get; set; } = "";
    public string ChannelId { get; set; } = "";

    /// <summary>The post's ts once Slack accepted it: its thread is where the discussion happens.</summary>
    public string? Ts { get; set; }

    public List<TicketNote> Replies { get; set; } = [];
}

/// <summary>How a ticket was resolved: the seed's resolution paths, the link each needs, and who solved it.</summary>
public sealed class TicketResolution
{
    public ResolutionPath Path { get; set; }

    /// <summary>The issue link the path needs; a <see cref="ResolutionPath.Security"/> link is never shown to the customer.</summary>
    public string? Link { get; set; }
    public string? Note { get; set; }
    public string? SolvedBy { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Seed step 9's ways a case is resolved.</summary>
public enum ResolutionPath
{
    Confirmed,
    Workaround,
    NoReply,
    Defect,
    Feature,
    Security,
    Unreachable,
}

/// <summary>A customer-satisfaction answer: the requester's rating and optional comment.</summary>
public sealed class TicketCsat
{
    public CsatRating Rating { get; set; }
    public string? Comment { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
}

public enum CsatRating
{
    Good,
    Ok,
    Bad,
}

public static class CsatRatingText
{
    /// <summary>How a rating is shown everywhere: on the buttons, in <c>/ticket N</c>, on the dashboard.</summary>
    public static string Label(this CsatRating rating) => rating switch
    {
        CsatRating.Good => "😀 Good",
        CsatRating.Ok => "😐 OK",
        _ => "🙁 Bad",
    };
}

/// <summary>One line of a ticket's history: who did what, when. A class, because LiteDB maps by setters.</summary>
public sealed class TicketHistoryEntry
{
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string What { get; set; } = "";

    /// <summary>The Slack message (ts) an edit line quotes, so deleting that message removes its earlier words too.</summary>
    public string? MessageTs { get; set; }
}
