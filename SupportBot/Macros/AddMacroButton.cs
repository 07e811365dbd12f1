using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Macros;

/// <summary>"Add saved reply" in the list modal: the empty form, pushed over the list.</summary>
public sealed class AddMacroButton(MacroViews views) : IBlockActionHandler
{
    public string ActionId => MacroList.AddAction;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        views.PushForm(payload, null);
        return Task.CompletedTask;
    }
}
