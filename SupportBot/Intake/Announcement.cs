using SupportBot.Slack;

namespace SupportBot.Intake;

/// <summary>Who an incident announcement pings: a user, a user group, or the channel.</summary>
public static class Announcement
{
    public static bool IsMentionable(string id) => id.Trim() is "here" or "channel" or "everyone" || SlackIds.IsUserOrGroup(id.Trim());

    public static string Mention(string id) => id.Trim() switch
    {
        "here" or "channel" or "everyone" => $"<!{id.Trim()}>",
        var s => SlackText.Mention(s),
    };
}
