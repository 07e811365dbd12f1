namespace SupportBot.Threads.Channels;

/// <summary>A channel was deleted: the team hears which open tickets lived there.</summary>
public sealed class ChannelDeletedHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "channel_deleted";

    protected override void Handle(string channel) => lifecycle.Lost(channel, ChannelLoss.Deleted);
}
