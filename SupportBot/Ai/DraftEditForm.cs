using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Ai;

/// <summary>
/// The modal Edit opens: the draft in a text box. Its private_metadata carries the ticket and the draft message's
/// response URL, where the outcome replaces the draft once the edited text is sent.
/// </summary>
public static class DraftEditForm
{
    public const string CallbackId = "ai_draft_edit_form";
    public const string TextBlock = "answer", InputAction = "value";
    public const int MaxText = 3000;

    public static ModalView Build(int number, string draft, string? responseUrl) =>
        new(CallbackId, TextObject.Plain($"Answer #{number}"),
        [
            new InputBlock(TextObject.Plain("Your answer to the customer"), new PlainTextInputElement
            {
                ActionId = InputAction, InitialValue = draft, Multiline = true, MaxLength = MaxText,
            }) { BlockId = TextBlock, Hint = TextObject.Plain("Sent as written when you press Send, like /ticket reply") },
        ])
        {
            Submit = TextObject.Plain("Send"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = $"{number.ToString(CultureInfo.InvariantCulture)}|{responseUrl}",
        };

    public static (int Number, string? ResponseUrl)? Context(PayloadView? view) =>
        (view?.PrivateMetadata ?? "").Split('|', 2) is [var n, var url] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, url.Length == 0 ? null : url) : null;

    public static string? Text(PayloadView? view) => view?.State?.Get(TextBlock, InputAction)?.Value;
}
