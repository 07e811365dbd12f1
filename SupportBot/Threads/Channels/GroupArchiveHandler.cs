namespace SupportBot.Threads.Channels;

/// <summary>A private channel was archived: the team hears which open tickets live there.</summary>
public sealed class GroupArchiveHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "group_archive";

    protected override void Handle(string channel) => lifecycle.Lost(channel, ChannelLoss.Archived);
}
