using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Macros;

/// <summary>"Delete" beside a saved reply: gone, and the list redrawn without it, in one commit.</summary>
public sealed class DeleteMacroButton(MacroStore macros, MacroViews views) : IBlockActionHandler
{
    public string ActionId => MacroList.DeleteAction;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        if (views.Refused(payload) || action.Value is not { } id)
            return Task.CompletedTask;
        macros.Delete(id, views.ListUpdate(payload.View?.Id));
        return Task.CompletedTask;
    }
}
