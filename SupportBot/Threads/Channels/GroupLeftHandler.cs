namespace SupportBot.Threads.Channels;

/// <summary>The bot left (was removed from) a private channel: the team hears which open tickets live there.</summary>
public sealed class GroupLeftHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "group_left";

    protected override void Handle(string channel) => lifecycle.Lost(channel, ChannelLoss.BotRemoved);
}
