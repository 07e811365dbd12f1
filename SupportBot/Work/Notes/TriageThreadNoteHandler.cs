using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Threads;
using SupportBot.Tickets;

namespace SupportBot.Work.Notes;

/// <summary>
/// A team member's reply in the thread under a triage card in #customer-support: the team discussing the ticket.
/// It is an internal note, and not a first response (the customer never saw it).
/// </summary>
public sealed class TriageThreadNoteHandler(Speakers speakers, SupportTeam team, TicketStore store, IOptions<SlackOptions> slack)
    : IEventHandler
{
    public string EventType => ThreadReplyHandler.Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Parse(slackEvent) is not { IsThreadReply: true } reply || reply.Channel != slack.Value.SupportChannel)
            return;
        if (!team.IsMember(reply.User) || !await speakers.IsPersonTalkingAsync(reply, cancellationToken))
            return;
        store.Change(set => TicketLookups.ByTriageCard(set, reply.ThreadTs!) is { } ticket
            && TicketNotes.Add(set, ticket, reply.User!, reply.User!, reply.Text, reply.Channel, reply.Ts) == NoteOutcome.Added);
    }
}
