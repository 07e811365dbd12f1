namespace SupportBot.Tickets.Intake;

/// <summary>What a new request says, wherever it came from.</summary>
public sealed record TicketDraft(
    string Subject,
    string Description,
    Priority Priority,
    string RequesterId,
    string ChannelId,
    TicketSource Source,
    string? ThreadTs = null,
    int? FollowUpOf = null,
    string? RequesterName = null,
    CustomerConversation? Via = null);
