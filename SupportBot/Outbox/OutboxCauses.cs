using SupportBot.Slack;
using SupportBot.Slack.Api;

namespace SupportBot.Outbox;

/// <summary>
/// Why a message was set aside, as a key that names what must change for it to go through. Whoever sees the change
/// (the bot invited back, a channel unarchived, a token accepted, a mail server answering) heals the key with
/// <see cref="OutboxHealing.Heal"/>.
/// </summary>
public static class OutboxCauses
{
    /// <summary>Slack refuses the bot token: nothing posts until an operator fixes it; a successful auth.test heals it.</summary>
    public const string SlackAuth = "slack-auth";

    /// <summary>The mail server did not accept mail for longer than the outbox tries; healed when it accepts one again.</summary>
    public const string MailServer = "mail-server";

    private const string ChannelPrefix = "channel:";

    /// <summary>The bot cannot post in the channel (not a member, archived, gone): healed when it may again.</summary>
    public static string Channel(string channelId) => ChannelPrefix + channelId;

    public static string? ChannelOf(string? cause) =>
        cause is not null && cause.StartsWith(ChannelPrefix, StringComparison.Ordinal) ? cause[ChannelPrefix.Length..] : null;

    private static readonly HashSet<string> ChannelErrors = ["not_in_channel", "channel_not_found", "is_archived", "restricted_action"];

    /// <summary>The cause of Slack's refusal of a call to <paramref name="channel"/>; null when no event will clear it.</summary>
    public static string? Of(SlackApiException refusal, string? channel) =>
        SlackAuthState.IsAuthError(refusal.Error) ? SlackAuth
        : ChannelErrors.Contains(refusal.Error) && !string.IsNullOrEmpty(channel) ? Channel(channel)
        : null;

    /// <summary>Slack's refusal in plain words, with what fixes it.</summary>
    public static string Explain(string error, string? channel)
    {
        var where = string.IsNullOrEmpty(channel) ? "the channel" : SlackText.Channel(channel);
        return error switch
        {
            "not_in_channel" => $"the bot is not a member of {where}: invite @SupportBot to it (`/invite @SupportBot`); it is sent as soon as it joins",
            "channel_not_found" => $"Slack cannot find {where}: it was deleted or made private without the bot; invite @SupportBot to it",
            "is_archived" => $"{where} is archived: it is sent if the channel is unarchived",
            "restricted_action" => $"{where} does not let the bot post: a workspace admin restricted posting there",
            "msg_too_long" => "the message is longer than Slack accepts",
            "invalid_blocks" => "Slack refused the message's layout (invalid_blocks)",
            "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed" =>
                $"Slack refuses the bot's token ({error}): reinstall the app or set a valid Slack:BotToken; everything owed goes out once Slack accepts it",
            _ when error.StartsWith("ratelimited", StringComparison.Ordinal) || error.StartsWith(SlackApiException.Unreachable, StringComparison.Ordinal)
                => $"Slack did not take it after many tries ({error})",
            _ => $"Slack refused it ({error})",
        };
    }
}
