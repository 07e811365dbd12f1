using System.Text.Json.Nodes;

namespace SupportBot.Slack.Users;

/// <summary>
/// Puts names into a Web API call's arguments at delivery, after the ack, when asking Slack is allowed: a card or a
/// confirmation rendered in a request shows names even for an id the cache never saw.
/// </summary>
public sealed class MessageNames(SlackUserDirectory directory)
{
    /// <summary>Rewrites the mentions that need names in place; false when there were none (nothing changed).</summary>
    public async Task<bool> ResolveAsync(JsonObject args, CancellationToken cancellationToken)
    {
        var texts = new List<(JsonObject Owner, string Key, bool Plain)>();
        Collect(args, texts);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        // only the mentions that will be rewritten are asked for: a real mention in mrkdwn Slack names by itself
        foreach (var id in texts.SelectMany(t => Mentioned(t.Owner[t.Key]!.GetValue<string>(), t.Plain)).Distinct(StringComparer.Ordinal))
            names[id] = await directory.NameAsync(id, cancellationToken);
        if (names.Count == 0)
            return false;
        foreach (var (owner, key, plain) in texts)
        {
            var text = owner[key]!.GetValue<string>();
            owner[key] = plain ? MentionNames.InPlainText(text, Name) : MentionNames.InMarkdown(text, Name);
        }
        return true;

        string? Name(string id) => names.GetValueOrDefault(id);
    }

    private static IEnumerable<string> Mentioned(string text, bool plain) => plain ? MentionNames.Ids(text) : MentionNames.EscapedIds(text);

    /// <summary>
    /// Every <c>text</c> string, with how it is shown: plain_text, or mrkdwn (a message's top-level text too: Slack
    /// shows a real mention in a notification by name itself, so only quoted user text needs rewriting there).
    /// </summary>
    private static void Collect(JsonNode? node, List<(JsonObject, string, bool)> texts)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
                Collect(item, texts);
            return;
        }
        if (node is not JsonObject o)
            return;
        foreach (var (key, value) in o)
        {
            if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out _))
                texts.Add((o, key, IsPlainText(o)));
            else if (key != "metadata")
                Collect(value, texts);
        }
    }

    private static bool IsPlainText(JsonObject owner) =>
        owner["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && owner["type"]!.GetValue<string>() == "plain_text";
}
