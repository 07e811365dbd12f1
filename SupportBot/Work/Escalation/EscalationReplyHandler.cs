using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Work.Notes;

namespace SupportBot.Work.Escalation;

/// <summary>A reply in an escalation's thread in the collaboration channel: kept on the ticket, once per message.</summary>
public sealed class EscalationReplyHandler(Speakers speakers, TicketStore store, IOptions<SlackOptions> slack) : IEventHandler
{
    /// <summary>Replies kept per escalation; a longer discussion stays readable in Slack itself.</summary>
    public const int MaxReplies = 100;

    public string EventType => ThreadReplyHandler.Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Parse(slackEvent) is not { IsThreadReply: true } reply
            || reply.Channel != slack.Value.CollaborationChannel?.Trim()
            || !await speakers.IsPersonTalkingAsync(reply, cancellationToken))
            return;
        store.Change(set =>
        {
            var ticket = TicketLookups.ByEscalation(set, reply.Channel, reply.ThreadTs!);
            var escalation = ticket?.Escalations.Find(e => e.Ts == reply.ThreadTs && e.ChannelId == reply.Channel);
            if (ticket is null || escalation is null || escalation.Replies.Count >= MaxReplies
                || escalation.Replies.Exists(r => r.SourceTs == reply.Ts))
                return false;
            escalation.Replies.Add(new TicketNote
            {
                At = set.Now, AuthorId = Speakers.Author(reply), Text = TicketNotes.Cap(reply.Text.Trim()),
                SourceChannel = reply.Channel, SourceTs = reply.Ts,
            });
            set.Update(ticket);
            return true;
        });
    }
}
