using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Threads.Intake;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads;

/// <summary>
/// A customer reply to a Closed ticket: the ticket stays closed and a follow-up opens in the same thread (where the
/// customer is already talking), with the original's subject and priority, announced in the thread by its
/// confirmation and in #customer-support by a new triage card.
/// </summary>
public sealed class FollowUps(TicketIntake intake)
{
    public Ticket Open(TicketChangeSet set, Ticket closed, ConversationEntry reply)
    {
        var description = Drafts.Description(reply.Text, reply.Files);
        // the follow-up lives where the customer is talking: the same Slack thread, mail thread or issue
        var followUp = intake.Create(set, new TicketDraft(closed.Subject, description, closed.Priority,
            reply.UserId, closed.ChannelId, TicketSource.FollowUp, closed.ThreadTs, FollowUpOf: closed.Number,
            RequesterName: closed.Via is null ? null : closed.RequesterName, Via: closed.Via));
        followUp.Conversation.Add(reply);
        set.Update(followUp);

        closed.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = reply.UserId, What = $"Replied after closing: follow-up #{followUp.Number}" });
        set.Update(closed);
        if (closed.AssigneeId is { } previous)
            set.Send(OutboxMessages.DirectMessage(previous, new SlackMessage(
                $"A reply on your closed *#{closed.Number}* _{SlackText.Escape(closed.Subject)}_ opened follow-up " +
                $"*#{followUp.Number}*{ThreadReplies.ThreadLink(closed)}. Take it if you have the context.")));
        return followUp;
    }
}
