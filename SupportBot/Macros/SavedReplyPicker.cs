using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Macros;

/// <summary>
/// The modal the "Send saved reply" shortcut opens: which saved reply to send to one ticket's customer. Its
/// private_metadata carries the ticket and the channel the shortcut was used in (where the engineer is answered).
/// </summary>
public static class SavedReplyPicker
{
    public const string CallbackId = "send_saved_reply_pick";
    public const string ReplyBlock = "reply", InputAction = "value";

    // Slack allows 100 options in a static_select
    private const int MaxOptions = 100;

    public static ModalView Build(int number, string channel, IReadOnlyList<Macro> macros)
    {
        var options = macros.Take(MaxOptions).Select(m => OptionObject.Of(SlackTextCut(m.Name), m.Id)).ToList();
        return new ModalView(CallbackId, TextObject.Plain($"Saved reply to #{number}"),
        [
            new InputBlock(TextObject.Plain("Saved reply"), new StaticSelectElement(options) { ActionId = InputAction })
            {
                BlockId = ReplyBlock, Hint = TextObject.Plain("Sent to the customer with its placeholders filled; its status is then set"),
            },
        ])
        {
            Submit = TextObject.Plain("Send"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = $"{number.ToString(CultureInfo.InvariantCulture)}|{channel}",
        };
    }

    public static (int Number, string Channel)? Context(PayloadView? view) =>
        (view?.PrivateMetadata ?? "").Split('|') is [var n, var channel]
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (number, channel) : null;

    public static string? Chosen(ViewState state) => state.Get(ReplyBlock, InputAction)?.SelectedOption?.Value;

    // an option's text holds at most 75 characters; names are at most 40
    private static string SlackTextCut(string name) => name.Length <= 75 ? name : name[..75];
}
