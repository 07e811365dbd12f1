using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Work.Links;

/// <summary>What a merge says: to the duplicate's requester, and in the kept ticket's history.</summary>
public static class MergeMessages
{
    /// <summary>
    /// For the duplicate's requester, in their own conversation. The kept ticket's thread is linked only when they
    /// can open it (the same customer channel); its subject is never quoted, since it may be another person's words.
    /// </summary>
    public static string ForCustomer(Ticket duplicate, Ticket keep)
    {
        var follow = SharedThread(duplicate, keep) is { } link ? $"{SlackText.Link(link, $"#{keep.Number}'s thread")}" : $"#{keep.Number}";
        return $"We're handling this request together with *#{keep.Number}*, so this one is closed as its duplicate. " +
               $"Please follow {follow} for updates; anything you add here reaches #{keep.Number} too.";
    }

    /// <summary>The kept ticket's history: which request joined it, whose it was and where it was asked.</summary>
    public static string MergedLine(Ticket duplicate) =>
        $"Merged #{duplicate.Number} {duplicate.Subject} from {TicketPeople.Requester(duplicate)}" +
        (Conversation(duplicate) is { } where ? $", {where}" : "");

    private static string? Conversation(Ticket ticket) => TicketLinks.Thread(ticket) ?? ticket.Via?.Link ?? ticket.Via?.Address;

    private static string? SharedThread(Ticket duplicate, Ticket keep) =>
        duplicate.Talks == ConversationKind.Slack && keep.Talks == ConversationKind.Slack && duplicate.ChannelId == keep.ChannelId
            ? TicketLinks.Thread(keep) : null;
}
