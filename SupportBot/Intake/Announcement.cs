using System.Text.RegularExpressions;

namespace SupportBot.Intake;

/// <summary>Who an incident announcement pings: a user, a user group, or the channel.</summary>
public static partial class Announcement
{
    public static bool IsMentionable(string id) => Id().IsMatch(id.Trim());

    public static string Mention(string id) => id.Trim() switch
    {
        "here" or "channel" or "everyone" => $"<!{id.Trim()}>",
        var s when s.StartsWith('S') => $"<!subteam^{s}>",
        var u => $"<@{u}>",
    };

    [GeneratedRegex("^(?:[UWS][A-Z0-9_]{2,}|here|channel|everyone)$")]
    private static partial Regex Id();
}
