using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using static SupportBot.Macros.MacroForm;

namespace SupportBot.Macros;

/// <summary>
/// The saved-reply form submitted: each field checked (the errors shown beside it), then saved, with the list modal
/// under it redrawn in the same commit, before Slack gets its answer.
/// </summary>
public sealed class MacroFormSubmission(MacroStore macros, MacroViews views, SupportTeam team) : IViewSubmissionHandler
{
    public string CallbackId => MacroForm.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var state = payload.View?.State ?? new ViewState();
        var name = Value(state, NameBlock)?.Trim() ?? "";
        var text = Value(state, TextBlock)?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (!team.IsMember(payload.User?.Id))
            errors[NameBlock] = "Only the support team can change saved replies.";
        else if (name.Length == 0)
            errors[NameBlock] = "Give the saved reply a name, such as need-logs.";
        else if (!MacroStore.IsName(name))
            errors[NameBlock] = $"Use one word of letters, digits, - or _ (at most {Macro.MaxName} characters), such as need-logs.";
        if (text.Length == 0)
            errors[TextBlock] = "Write the text to send.";
        else if (text.Length > Macro.MaxText)
            errors[TextBlock] = $"The text is {text.Length:N0} characters long; a saved reply holds at most {Macro.MaxText:N0}.";
        if (errors.Count == 0)
        {
            var (editing, list) = Context(payload.View);
            if (macros.Save(name, text, Status(state), editing, payload.User!.Id, views.ListUpdate(list)) is { } refusal)
                errors[NameBlock] = refusal;
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors.Count == 0 ? null : errors);
    }
}
