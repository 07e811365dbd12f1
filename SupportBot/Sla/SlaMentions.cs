using SupportBot.Slack;

namespace SupportBot.Sla;

/// <summary>Slack mentions for <c>Sla:EscalateTo</c>: users as &lt;@U…&gt;, a user group as &lt;!subteam^S…&gt;.</summary>
public static class SlaMentions
{
    public static string Mention(IEnumerable<string> ids) => string.Join(" ", ids.Select(SlackText.Mention));
}
