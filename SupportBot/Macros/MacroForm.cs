using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// The modal that writes one saved reply: name, text, and the status to set. Its private_metadata carries the reply
/// being edited (so a rename replaces it) and the list modal under it (redrawn once this one is saved).
/// </summary>
public static class MacroForm
{
    public const string CallbackId = "saved_reply_form";
    public const string InputAction = "value";
    public const string NameBlock = "name", TextBlock = "text", StatusBlock = "status";
    public const string KeepStatus = "keep";

    /// <summary>The statuses a saved reply may set: what an answer usually leads to (never New or Closed).</summary>
    public static readonly TicketStatus[] Statuses = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved];

    public static ModalView Build(Macro? macro, string? listViewId)
    {
        var keep = OptionObject.Of("Don't change", KeepStatus);
        var options = Statuses.Select(s => OptionObject.Of(s.Display(), s.ToString())).Prepend(keep).ToList();
        return new ModalView(CallbackId, TextObject.Plain(macro is null ? "New saved reply" : "Edit saved reply"),
        [
            new InputBlock(TextObject.Plain("Name"), new PlainTextInputElement
            {
                ActionId = InputAction, InitialValue = macro?.Name, MaxLength = Macro.MaxName,
                Placeholder = TextObject.Plain("need-logs"),
            }) { BlockId = NameBlock, Hint = TextObject.Plain("One word: send it with /ticket 12 macro need-logs") },
            new InputBlock(TextObject.Plain("Text"), new PlainTextInputElement
            {
                ActionId = InputAction, InitialValue = macro?.Text, Multiline = true, MaxLength = Macro.MaxText,
            }) { BlockId = TextBlock, Hint = TextObject.Plain("{requester}, {ticket} and {engineer} are filled in when it is sent") },
            new InputBlock(TextObject.Plain("Then set the status to"), new StaticSelectElement(options)
            {
                ActionId = InputAction, InitialOption = options.FirstOrDefault(o => o.Value == macro?.Status?.ToString()) ?? keep,
            }) { BlockId = StatusBlock, Optional = true },
        ])
        {
            Submit = TextObject.Plain("Save"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = $"{macro?.Id}|{listViewId}",
        };
    }

    /// <summary>The reply being edited (null for a new one) and the list modal to redraw, from private_metadata.</summary>
    public static (string? EditingId, string? ListViewId) Context(PayloadView? view) =>
        (view?.PrivateMetadata ?? "").Split('|') is [var id, var list] ? (NullIfEmpty(id), NullIfEmpty(list)) : (null, null);

    public static string? Value(ViewState state, string block) => state.Get(block, InputAction)?.Value;

    /// <summary>The chosen status; null for "Don't change" (or nothing chosen).</summary>
    public static TicketStatus? Status(ViewState state) =>
        Enum.TryParse<TicketStatus>(state.Get(StatusBlock, InputAction)?.SelectedOption?.Value, out var s) && Statuses.Contains(s) ? s : null;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
