using System.Text.RegularExpressions;

namespace SupportBot.Discord.Rest;

/// <summary>
/// Discord's rate limits are per route, and per "major parameter" within it (the channel or guild id): the key of a
/// request is its method and path with every other id replaced, plus the channel or guild id itself.
/// </summary>
public static partial class DiscordRoute
{
    /// <summary><c>POST /channels/123/messages/456/threads</c> → <c>POST /channels/123/messages/{id}/threads</c>.</summary>
    public static string Key(HttpMethod method, string path)
    {
        var clean = "/" + path.Split('?', 2)[0].Trim('/');
        var major = Major().Match(clean);
        var rest = major.Success ? clean[major.Length..] : clean;
        return $"{method.Method} {(major.Success ? major.Value : "")}{Ids().Replace(rest, "/{id}")}";
    }

    [GeneratedRegex(@"^/(channels|guilds|webhooks)/\d+")]
    private static partial Regex Major();

    [GeneratedRegex(@"/\d+")]
    private static partial Regex Ids();
}
