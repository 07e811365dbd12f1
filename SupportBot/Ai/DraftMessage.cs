using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Ai;

/// <summary>
/// A drafted answer as only its engineer sees it, with Send and Edit. The draft rides in the buttons' value
/// (<c>N|text</c>): an ephemeral message is not given back with a click, and nothing needs storing for it.
/// </summary>
public static class DraftMessage
{
    public const string SendActionId = "ai_draft_send";
    public const string EditActionId = "ai_draft_edit";

    /// <summary>Slack takes 2,000 characters in a button's value; the number and the bar need the rest.</summary>
    public const int MaxDraft = 1900;

    public static SlackMessage Build(int number, string draft)
    {
        var value = $"{number.ToString(CultureInfo.InvariantCulture)}|{draft}";
        var heading = $"*Draft answer for #{number}* (written by a language model; nothing is sent until you press Send):";
        return SlackMessage.Ephemeral($"{heading}\n{SlackText.Escape(draft)}",
        [
            new SectionBlock(TextObject.Markdown(heading)),
            new SectionBlock(TextObject.Markdown(SlackText.Cut(SlackText.Escape(draft), 3000))),
            new ActionsBlock(
            [
                new ButtonElement(TextObject.Plain("Send")) { ActionId = SendActionId, Value = value, Style = "primary" },
                new ButtonElement(TextObject.Plain("Edit")) { ActionId = EditActionId, Value = value },
            ]),
        ]);
    }

    /// <summary>The ticket and the draft a button carries; null when the value is not one.</summary>
    public static (int Number, string Draft)? Parse(string? value) =>
        value?.Split('|', 2) is [var n, { Length: > 0 } draft]
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (number, draft) : null;

    /// <summary>One draft message is one answer, however often Send is pressed.</summary>
    public static string AnswerId(int number, string draft, InteractionPayload payload) =>
        $"answer:ai-draft:{number}:{payload.Container?.MessageTs ?? payload.MessageTs}:" +
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(draft)))[..16];
}
