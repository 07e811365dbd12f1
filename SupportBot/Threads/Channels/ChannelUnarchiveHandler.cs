namespace SupportBot.Threads.Channels;

/// <summary>A public channel was unarchived: what the bot owed there and set aside goes out.</summary>
public sealed class ChannelUnarchiveHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "channel_unarchive";

    protected override void Handle(string channel) => _ = lifecycle.Restored(channel);
}
