using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Intake;

/// <summary>
/// A reply from a customer who talks outside Slack (an issue comment, a mail): the thread-reply rules of
/// <see cref="ThreadReplies"/>, the conversation's key moved to a follow-up when one opens, and the text mirrored
/// under the triage card (of the kept ticket, for a merged duplicate).
/// </summary>
public sealed class CustomerReplies(ThreadReplies replies, IOptions<SlackOptions> slack)
{
    /// <summary>The ticket the reply joined, or null when it was recorded before.</summary>
    /// <param name="authorMrkdwn">Who wrote, when not the requester (a participant of a mail thread).</param>
    public Ticket? Record(TicketChangeSet set, string conversationKey, Ticket ticket, ConversationEntry reply, string? authorMrkdwn = null)
    {
        if (replies.RecordCustomer(set, ticket, reply) is not { } joined)
            return null;
        // a follow-up takes the conversation over and announces itself with its own card; a reply that joined the
        // ticket a duplicate was merged into is mirrored there under the duplicate's requester (the key stays: who
        // may write is still the duplicate's people)
        if (joined.Number != ticket.Number && joined.FollowUpOf == ticket.Number)
            OnceIntake.Repoint(set, conversationKey, joined.Number);
        else
            set.Send(TriageThread.Post(slack.Value.SupportChannel, joined, TriageThread.Mirror(joined, reply.NewText ?? reply.Text,
                authorMrkdwn ?? (joined.Number == ticket.Number ? null : TicketPeople.RequesterMention(ticket)))));
        return joined;
    }
}
