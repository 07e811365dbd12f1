using System.Text.Json.Nodes;

namespace SupportBot.Slack.Users;

/// <summary>
/// Puts names into a Web API call's arguments at delivery, after the ack, when asking Slack is allowed: a card or a
/// confirmation rendered in a request shows names even for an id the cache never saw.
/// </summary>
public sealed class MessageNames(SlackUserDirectory directory)
{
    public async Task ResolveAsync(JsonObject args, CancellationToken cancellationToken)
    {
        var texts = new List<(JsonObject Owner, string Key, Func<string, Func<string, string?>, string> Rewrite)>();
        Collect(args, texts, top: true);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in texts.SelectMany(t => MentionNames.Ids(t.Owner[t.Key]!.GetValue<string>())).Distinct(StringComparer.Ordinal))
            names[id] = await directory.NameAsync(id, cancellationToken);
        if (names.Count == 0)
            return;
        foreach (var (owner, key, rewrite) in texts)
            owner[key] = rewrite(owner[key]!.GetValue<string>(), id => names.GetValueOrDefault(id));
    }

    /// <summary>Every <c>text</c> string, with how it is shown: plain_text, a notification fallback, or mrkdwn.</summary>
    private static void Collect(JsonNode? node, List<(JsonObject, string, Func<string, Func<string, string?>, string>)> texts, bool top)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
                Collect(item, texts, top: false);
            return;
        }
        if (node is not JsonObject o)
            return;
        foreach (var (key, value) in o)
        {
            if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out _))
                texts.Add((o, key, Kind(o, top)));
            else if (key != "metadata")
                Collect(value, texts, top: false);
        }
    }

    private static Func<string, Func<string, string?>, string> Kind(JsonObject owner, bool top) =>
        owner["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && owner["type"]!.GetValue<string>() == "plain_text"
            ? MentionNames.InPlainText
            : top && (owner["blocks"] is not null || owner["attachments"] is not null)
                ? MentionNames.InFallback
                : MentionNames.InMarkdown;
}
