using System.Text.RegularExpressions;

namespace SupportBot.Sla;

/// <summary>Slack mentions for <c>Sla:EscalateTo</c>: users as &lt;@U…&gt;, a user group as &lt;!subteam^S…&gt;.</summary>
public static partial class SlaMentions
{
    public static bool IsMentionable(string id) => Id().IsMatch(id);

    public static string Mention(string id) => id.StartsWith('S') ? $"<!subteam^{id}>" : $"<@{id}>";

    public static string Mention(IEnumerable<string> ids) => string.Join(" ", ids.Select(Mention));

    [GeneratedRegex("^[USW][A-Z0-9]+$")]
    private static partial Regex Id();
}
