using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SupportBot.Slack;

namespace SupportBot.Threads;

/// <summary>Tells people talking apart from the bot itself, other bots and Slack's system messages (joins, deletions…).</summary>
public sealed class Speakers(BotIdentity identity, IOptions<SlackOptions> slack)
{
    public const string BotMessage = "bot_message";

    /// <summary>Subtypes that are still a person saying something; every other subtype is Slack bookkeeping.</summary>
    private static readonly FrozenSet<string> PeopleSubtypes = new[] { "thread_broadcast", "file_share", "me_message" }.ToFrozenSet();

    public async Task<bool> IsPersonTalkingAsync(SlackMessageEvent m, CancellationToken cancellationToken)
    {
        if (m.Hidden || (m.Subtype is not null && m.Subtype != BotMessage && !PeopleSubtypes.Contains(m.Subtype)))
            return false;
        var me = await identity.ResolveAsync(cancellationToken);
        if (me is not null && (m.User == me.UserId || (m.BotId is not null && m.BotId == me.BotId)))
            return false;
        var isBot = m.BotId is not null || m.Subtype == BotMessage;
        if (!isBot)
            return m.User is not null;
        // without auth.test's answer our own posts cannot be told apart from other bots': ignore them all rather than loop
        return slack.Value.AllowBots && me is not null && (m.User ?? m.BotId) is not null;
    }

    /// <summary>Who wrote it: the user, or for a bot without a user, the bot id.</summary>
    public static string Author(SlackMessageEvent m) => m.User ?? m.BotId ?? "";
}
