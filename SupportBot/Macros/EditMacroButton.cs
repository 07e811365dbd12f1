using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Macros;

/// <summary>"Edit" beside a saved reply: its form, filled, pushed over the list.</summary>
public sealed class EditMacroButton(MacroStore macros, MacroViews views) : IBlockActionHandler
{
    public string ActionId => MacroList.EditAction;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        // deleted meanwhile (in another window): the list is redrawn without it instead of an empty form
        if (action.Value is { } id && macros.Named(id) is { } macro)
            views.PushForm(payload, macro);
        else
            views.Redraw(payload);
        return Task.CompletedTask;
    }
}
