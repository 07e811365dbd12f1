using SupportBot.Tickets;

namespace SupportBot.Work.Links;

/// <summary>Why <c>/ticket N merge M</c> cannot go ahead, in words that say what to do instead; null when it can.</summary>
public static class MergeRefusals
{
    public static string? Why(Ticket? keep, Ticket? duplicate, int keepNumber, int duplicateNumber, string command) =>
        (keep, duplicate) switch
        {
            _ when keepNumber == duplicateNumber => $"#{keepNumber} cannot be merged into itself: name its duplicate, e.g. `{command} {keepNumber} merge 15`.",
            (null, _) => $"I can't find ticket #{keepNumber}.",
            (_, null) => $"I can't find ticket #{duplicateNumber}.",
            ({ IsTask: true }, _) => $"#{keepNumber} is a Task of #{keep.TaskOf}: only customer requests are merged.",
            (_, { IsTask: true }) => $"#{duplicateNumber} is a Task of #{duplicate.TaskOf}: only customer requests are merged.",
            (_, { DuplicateOf: { } into }) when into == keepNumber => $"#{duplicateNumber} is already merged into #{keepNumber}.",
            (_, { DuplicateOf: { } into }) => $"#{duplicateNumber} was already merged into #{into}.",
            ({ DuplicateOf: { } into }, _) =>
                $"#{keepNumber} was itself merged into #{into}: merge into #{into} instead (`{command} {into} merge {duplicateNumber}`).",
            ({ Status: TicketStatus.Closed }, _) => $"#{keepNumber} is Closed: merge #{duplicateNumber} into a ticket that is still being worked on.",
            (_, { Status: TicketStatus.Closed }) => $"#{duplicateNumber} is Closed already: Closed is final, so it is not merged.",
            _ => null,
        };
}
