using System.Text.Json;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;

namespace SupportBot.Threads;

/// <summary><c>message_changed</c>: an edited reply replaces its recorded text; it is not a new reply.</summary>
public sealed class MessageEditHandler(Speakers speakers, TicketStore store) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.ParseEdit(slackEvent) is not { IsThreadReply: true } edited)
            return;
        if (!await speakers.IsPersonTalkingAsync(edited, cancellationToken))
            return;
        store.Change(set =>
        {
            // the reply may belong to a closed original or to its follow-up: whichever recorded it
            var ticket = set.InThread(edited.Channel, edited.ThreadTs!).Find(t => t.Conversation.Contains(edited.Ts));
            if (ticket is null || !ticket.Conversation.Edit(edited.Ts, edited.Text, set.Now))
                return false;
            set.Update(ticket);
            return true;
        });
    }
}
