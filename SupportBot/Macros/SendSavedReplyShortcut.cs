using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Macros;

/// <summary>
/// The "Send saved reply" message shortcut, on a message in a ticket's customer thread or under its triage card:
/// a modal to pick the saved reply to send to that ticket's customer.
/// </summary>
public sealed class SendSavedReplyShortcut(MacroStore macros, SupportTeam team, IStoreGate gate, FormOpener opener,
    OutboxSender outbox, IOptions<SlackOptions> slack) : IShortcutHandler
{
    public const string Id = "send_saved_reply";

    public string CallbackId => Id;

    public Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.User?.Id is not { } user || payload.ChannelId is not { } channel || payload.Message?.Ts is not { } ts)
            return Task.CompletedTask;
        var all = macros.All();
        var ticket = TicketOf(channel, payload.Message.ThreadTs ?? ts);
        var refusal = !team.IsMember(user) ? "Only the support team can send saved replies."
            : ticket is null ? "Use Send saved reply on a message in a ticket's thread or under its triage card."
            : all.Count == 0 ? $"There are no saved replies yet: `{slack.Value.Commands.Status} macros` adds one."
            : payload.TriggerId is null ? "Slack sent no trigger to open the form with; please try again."
            : null;
        if (refusal is not null)
            outbox.Send(OutboxMessages.AnswerInteraction(payload, channel, refusal));
        else
            opener.Open(payload, SavedReplyPicker.Build(ticket!.Number, channel, all));
        return Task.CompletedTask;
    }

    private Ticket? TicketOf(string channel, string threadTs) => gate.Read(s => channel == slack.Value.SupportChannel
        ? s.Tickets.ByTriageCard(threadTs)
        : s.Tickets.InThread(channel, threadTs).FirstOrDefault());
}
