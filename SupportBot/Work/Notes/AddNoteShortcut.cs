using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Work.Notes;

/// <summary>
/// The <i>Add as internal note</i> message shortcut: any message of a ticket's thread (customer thread, triage card
/// thread, escalation thread) becomes a note of that ticket, kept under its author's name.
/// </summary>
public sealed class AddNoteShortcut(TicketStore store, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack)
    : IShortcutHandler
{
    public const string Id = "add_note";

    public string CallbackId => Id;

    public Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, Record(payload, payload.User!.Id)));
        return Task.CompletedTask;
    }

    private string Record(InteractionPayload payload, string user)
    {
        if (!team.IsMember(user))
            return "Sorry, only the support team can add internal notes.";
        var channel = payload.ChannelId;
        var ts = payload.Message?.Ts ?? payload.MessageTs;
        if (channel is null || ts is null)
            return "Slack did not say which message this was; nothing was added.";
        var thread = payload.Message?.ThreadTs ?? ts;
        var text = payload.Message?.Text ?? "";
        return store.Change(set =>
        {
            var ticket = TicketLookups.ForThread(set, channel, thread, slack.Value.SupportChannel);
            if (ticket is null)
                return "This message is not in a ticket's thread (customer thread, triage card or escalation), so it can't be a note.";
            var author = payload.Message?.User ?? user;
            return TicketNotes.Add(set, ticket, user, author, text, channel, ts) switch
            {
                NoteOutcome.Added => $"Added that message to #{ticket.Number} as an internal note.",
                NoteOutcome.AlreadyRecorded => $"That message is already a note of #{ticket.Number}.",
                NoteOutcome.Full => $"#{ticket.Number} already has {TicketNotes.MaxNotes} notes; nothing was added.",
                _ => "That message has no text to keep as a note.",
            };
        });
    }
}
