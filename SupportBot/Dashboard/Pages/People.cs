using SupportBot.Slack.Users;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>A person on a page: the display name people know, the Slack id only as the tooltip.</summary>
public static class People
{
    public const string TeamPath = "/team";

    /// <summary>The Team page's list of everything <paramref name="userId"/> holds (scrolled to the list).</summary>
    public static string ListPath(string userId) => (ListQuery.Default with { Assignee = userId }).Href(TeamPath) + "#open";

    public static string Name(string userId, SlackUserDirectory names) =>
        $"<span title=\"{E(userId)}\">{E(names.Display(userId))}</span>";

    /// <summary>An engineer's name linking to their open tickets, one click from any list.</summary>
    public static string EngineerLink(string userId, SlackUserDirectory names) =>
        $"<a href=\"{E(ListPath(userId))}\" title=\"{E(userId)}\">{E(names.Display(userId))}</a>";
}
