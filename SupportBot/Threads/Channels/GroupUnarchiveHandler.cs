namespace SupportBot.Threads.Channels;

/// <summary>A private channel was unarchived: what the bot owed there and set aside goes out.</summary>
public sealed class GroupUnarchiveHandler(ChannelLifecycle lifecycle) : ChannelEventHandler(Type)
{
    public const string Type = "group_unarchive";

    protected override void Handle(string channel) => _ = lifecycle.Restored(channel);
}
