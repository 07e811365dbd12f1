using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Threads.Channels;

/// <summary>An event about a whole channel (archived, unarchived, deleted, left): its handler needs only the channel id.</summary>
public abstract class ChannelEventHandler(string eventType) : IEventHandler
{
    public string EventType => eventType;

    public Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Str(slackEvent, "channel") is { Length: > 0 } channel)
            Handle(channel);
        return Task.CompletedTask;
    }

    protected abstract void Handle(string channel);
}
