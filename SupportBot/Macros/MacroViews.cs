using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Slack.Payloads;

namespace SupportBot.Macros;

/// <summary>
/// The saved-reply modals' Slack calls, queued in the outbox: the form pushed over the list (a trigger lives 3 s),
/// the list redrawn in place. Only the support team may change saved replies; anyone else is told so.
/// </summary>
public sealed class MacroViews(MacroStore macros, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack)
{
    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    public void PushForm(InteractionPayload payload, Macro? macro)
    {
        if (Refused(payload) || payload.TriggerId is not { } trigger)
            return;
        outbox.Send(OutboxMessages.PushView(trigger, MacroForm.Build(macro, payload.View?.Id), outbox.Now + TriggerLifetime));
    }

    public void Redraw(InteractionPayload payload)
    {
        if (ListUpdate(payload.View?.Id) is { } update)
            outbox.Send(update(macros.All()));
    }

    /// <summary>How the list modal <paramref name="viewId"/> is redrawn from the replies; null without one to redraw.</summary>
    public Func<IReadOnlyList<Macro>, OutboxMessage>? ListUpdate(string? viewId) => viewId is null ? null
        : all => OutboxMessages.UpdateView(viewId, MacroList.Build(all, slack.Value.Commands.Status));

    /// <summary>True (and the person told) when they are not on the support team.</summary>
    public bool Refused(InteractionPayload payload)
    {
        if (team.IsMember(payload.User?.Id))
            return false;
        if (payload.User is not null)
            outbox.Send(OutboxMessages.AnswerInteraction(payload, payload.User.Id, "Only the support team can change saved replies."));
        return true;
    }
}
