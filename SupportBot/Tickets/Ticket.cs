using LiteDB;
using SupportBot.Sla;
using SupportBot.Threads;

namespace SupportBot.Tickets;

/// <summary>A support request, stored as one LiteDB document. <see cref="Number"/> is the #N people say.</summary>
public sealed class Ticket
{
    [BsonId(autoId: false)]
    public int Number { get; set; }

    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Normal;
    public TicketStatus Status { get; set; } = TicketStatus.New;
    public TicketSource Source { get; set; }

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

    public SlaState Sla { get; set; } = new();

    public Conversation Conversation { get; set; } = new();

    public bool IsAssigned => AssigneeId is not null;

}

/// <summary>One line of a ticket's history: who did what, when. A class, because LiteDB maps by setters.</summary>
public sealed class TicketHistoryEntry
{
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string What { get; set; } = "";
}
