namespace SupportBot.Tickets;

/// <summary>
/// Which status changes people may make, after Zendesk's rules the workflow relies on: nothing goes back to
/// New, Closed is final, a Solved ticket can only reopen (Open) or close, and Closed is reached through Solved.
/// </summary>
public static class TicketLifecycle
{
    public static bool CanChange(TicketStatus from, TicketStatus to) => Refusal(from, to) is null;

    /// <summary>Why a change is not allowed, in words for the person who asked; null when it is.</summary>
    public static string? Refusal(TicketStatus from, TicketStatus to) => (from, to) switch
    {
        _ when from == to => $"it is already {to.Display()}",
        (_, TicketStatus.New) => "a ticket never goes back to New",
        (TicketStatus.Closed, _) => "Closed is final; a new reply from the customer opens a follow-up ticket instead",
        (TicketStatus.Solved, TicketStatus.Pending or TicketStatus.OnHold) => "a Solved ticket has to be reopened (open) first",
        (not TicketStatus.Solved, TicketStatus.Closed) => "only a Solved ticket can be closed; solve it first",
        _ => null,
    };

    /// <summary>The statuses a ticket can move to from <paramref name="from"/>, for help texts.</summary>
    public static IEnumerable<TicketStatus> Allowed(TicketStatus from) =>
        Enum.GetValues<TicketStatus>().Where(to => CanChange(from, to));
}
