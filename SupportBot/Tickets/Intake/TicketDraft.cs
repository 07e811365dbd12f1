namespace SupportBot.Tickets.Intake;

/// <summary>
/// What a new request says, wherever it came from. <paramref name="Email"/>: the asker's mail address where known
/// beyond a mail's sender (a GitHub user's public email), matched to a customer by its domain.
/// </summary>
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
    CustomerConversation? Via = null,
    string? Email = null);
