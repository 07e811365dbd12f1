using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Threads.Channels;

/// <summary>The bot was removed from a channel (<c>member_left_channel</c> for its own user): the team hears which open tickets live there.</summary>
public sealed class BotLeftChannelHandler(BotIdentity identity, ChannelLifecycle lifecycle) : IEventHandler
{
    public const string Type = "member_left_channel";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Str(slackEvent, "channel") is not { Length: > 0 } channel)
            return;
        var me = await identity.ResolveAsync(cancellationToken);
        if (me is not null && SlackMessageEvent.Str(slackEvent, "user") == me.UserId)
            lifecycle.Lost(channel, ChannelLoss.BotRemoved);
    }
}
