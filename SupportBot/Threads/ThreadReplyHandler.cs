using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Threads.Intake;

namespace SupportBot.Threads;

/// <summary>
/// <c>message</c> events that are replies in a thread: recorded on the thread's ticket, if it has one; a #help
/// reply whose parent is not a ticket yet waits for it (<see cref="UnknownParents"/>).
/// </summary>
public sealed class ThreadReplyHandler(Speakers speakers, ThreadReplies replies, UnknownParents parents, IOptions<SlackOptions> slack) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Parse(slackEvent) is not { IsThreadReply: true } reply)
            return;
        if (!await speakers.IsPersonTalkingAsync(reply, cancellationToken))
            return;
        if (!replies.Record(reply) && slack.Value.HelpChannels.Contains(reply.Channel, StringComparer.Ordinal))
            await parents.AttachAsync(reply, cancellationToken);
    }
}
