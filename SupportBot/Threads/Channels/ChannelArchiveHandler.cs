namespace SupportBot.Threads.Channels;

/// <summary>A public channel was archived: the team hears which open tickets live there.</summary>
public sealed class ChannelArchiveHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "channel_archive";

    protected override void Handle(string channel) => lifecycle.Lost(channel, ChannelLoss.Archived);
}
