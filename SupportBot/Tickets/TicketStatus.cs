namespace SupportBot.Tickets;

/// <summary>Zendesk's statuses, as the support workflow uses them.</summary>
public enum TicketStatus
{
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed,
}

public enum Priority
{
    Urgent,
    High,
    Normal,
    Low,
}

/// <summary>Where a request came from (seed step 2).</summary>
public enum TicketSource
{
    RequestForm,
    MessageShortcut,
    CommunityHelp,
    EmojiReaction,
    FollowUp,
    GitHub,
    OpsGenie,
    HubSpot,
    Webhook,
    Email,
    Community,
    Discord,
}

public static class TicketStatusNames
{
    public static string Display(this TicketStatus status) => status == TicketStatus.OnHold ? "On-hold" : status.ToString();

    /// <summary>Who has the next action, per the workflow's status table.</summary>
    public static string NextAction(this TicketStatus status) => status switch
    {
        TicketStatus.New or TicketStatus.Open => "us",
        TicketStatus.Pending => "the customer",
        TicketStatus.OnHold => "a third party",
        _ => "no one",
    };

    public static bool IsDone(this TicketStatus status) => status is TicketStatus.Solved or TicketStatus.Closed;

    /// <summary>Reads a status word as people type it: any case, <c>hold</c>, <c>on hold</c>, <c>on-hold</c>.</summary>
    public static TicketStatus? Parse(string? word) => word?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "new" => TicketStatus.New,
        "open" or "reopen" => TicketStatus.Open,
        "pending" => TicketStatus.Pending,
        "hold" or "on-hold" or "on hold" or "onhold" => TicketStatus.OnHold,
        "solved" or "solve" or "resolved" => TicketStatus.Solved,
        "closed" or "close" => TicketStatus.Closed,
        _ => null,
    };
}
