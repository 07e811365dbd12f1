using System.Text.RegularExpressions;

namespace SupportBot.Slack;

/// <summary>The shapes of Slack's ids and tokens: a capital letter naming the kind, then capitals and digits.</summary>
public static partial class SlackIds
{
    /// <summary>A user (U…) or an Enterprise Grid user (W…).</summary>
    public static bool IsUser(string? id) => id is not null && UserId().IsMatch(id);

    /// <summary>A public (C…) or private (G…) channel.</summary>
    public static bool IsChannel(string? id) => id is not null && ChannelId().IsMatch(id);

    /// <summary>A user group (S…).</summary>
    public static bool IsGroup(string? id) => id is not null && GroupId().IsMatch(id);

    /// <summary>Someone a message can ping: a user or a user group (see <see cref="SlackText.Mention"/>).</summary>
    public static bool IsUserOrGroup(string? id) => IsUser(id) || IsGroup(id);

    // Slack's ids are capitals and digits; underscores are tolerated so readable test ids (C_SUPPORT) pass
    [GeneratedRegex("^[UW][A-Z0-9_]{1,40}$")]
    private static partial Regex UserId();

    [GeneratedRegex("^[CG][A-Z0-9_]{1,40}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^S[A-Z0-9_]{1,40}$")]
    private static partial Regex GroupId();
}
