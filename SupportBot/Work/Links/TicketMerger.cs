using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Work.Links;

/// <summary>
/// Closes a duplicate into the ticket that is kept, in one transaction: the duplicate is Closed through the status
/// change (so every SLA clock stops with it), both tickets point at each other, its requester is told in their own
/// conversation where to follow, and the kept ticket records whose request joined it. The duplicate's conversation
/// stays on it; its customer's later replies join the kept ticket (Threads/ThreadReplies).
/// </summary>
public sealed class TicketMerger(TicketStore store, StatusChanger status, CustomerMessages customers, IOptions<SlackOptions> slack)
{
    /// <summary>Mail threads copy at most this many people (as Email's participants command does).</summary>
    private const int MaxMailParticipants = 20;

    /// <summary>Returns what to tell the engineer. A retried command finds the merge done and tells nobody again.</summary>
    public string Merge(int keepNumber, int duplicateNumber, string actorId, string command) => store.Change(set =>
    {
        var keep = set.Find(keepNumber);
        var duplicate = set.Find(duplicateNumber);
        if (MergeRefusals.Why(keep, duplicate, keepNumber, duplicateNumber, command) is { } refusal)
            return refusal;
        duplicate!.DuplicateOf = keepNumber;
        status.Apply(set, duplicate, TicketStatus.Closed, actorId, $"a duplicate of #{keepNumber}", actorIsTeam: true);
        var told = customers.Tell(duplicate, MergeMessages.ForCustomer(duplicate, keep!), OutboxPurposes.CustomerMessage, actorId);
        set.Send(told);

        keep!.Duplicates = [.. keep.Duplicates.Append(duplicateNumber).Distinct().Order()];
        keep.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = MergeMessages.MergedLine(duplicate) });
        CopyMailRequester(duplicate, keep);
        set.Update(keep);
        set.Send(TicketTaker.TriageUpdate(keep, slack.Value.SupportChannel));
        return $"Merged *#{duplicateNumber}* into *#{keepNumber}*: #{duplicateNumber} is Closed as its duplicate" +
               (told is null ? "." : $" and its requester was told to follow #{keepNumber}.") + OpenTasks(set, duplicate);
    });

    /// <summary>Both by mail: the duplicate's requester is copied on the kept ticket's answers from now on.</summary>
    private static void CopyMailRequester(Ticket duplicate, Ticket keep)
    {
        if (duplicate.Talks != ConversationKind.Email || keep.Talks != ConversationKind.Email || duplicate.Via?.Address is not { } address)
            return;
        var via = keep.Via!;
        var known = string.Equals(via.Address, address, StringComparison.OrdinalIgnoreCase)
            || via.Participants.Exists(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase));
        if (!known && via.Participants.Count < MaxMailParticipants)
            via.Participants.Add(new MailParticipant { Address = address, Name = duplicate.Via.Name });
    }

    /// <summary>Open Tasks do not stop a merge (they are the team's own work), but are named so none is forgotten.</summary>
    private static string OpenTasks(TicketChangeSet set, Ticket duplicate)
    {
        var open = duplicate.TaskNumbers.Select(set.Find).OfType<Ticket>().Where(t => !t.Status.IsDone()).ToList();
        return open.Count == 0 ? ""
            : $" Its Task{(open.Count == 1 ? "" : "s")} {string.Join(", ", open.Select(t => $"#{t.Number} _{SlackText.Escape(t.Subject)}_"))} " +
              $"{(open.Count == 1 ? "is" : "are")} still open.";
    }
}
