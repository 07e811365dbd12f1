using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Threads;

/// <summary><c>message</c> events that are replies in a thread: recorded on the thread's ticket, if it has one.</summary>
public sealed class ThreadReplyHandler(Speakers speakers, ThreadReplies replies) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Parse(slackEvent) is not { IsThreadReply: true } reply)
            return;
        if (!await speakers.IsPersonTalkingAsync(reply, cancellationToken))
            return;
        replies.Record(reply);
    }
}
