using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Ai;

/// <summary><c>/ticket N draft</c>, after the ack: a drafted answer with Send and Edit, shown only to the engineer.</summary>
public sealed class DraftJob(ConversationAsk ask, EngineerReplies replies, IOptions<SlackOptions> slack)
{
    public async Task RunAsync(AiJob job, CancellationToken cancellationToken)
    {
        if (await ask.AskAsync(job, Instructions.Draft, cancellationToken) is not { } answer)
            return;
        var n = job.Number;
        replies.Tell(job, answer.Ok
            ? DraftMessage.Build(n, SlackText.Cut(answer.Text, DraftMessage.MaxDraft))
            : SlackMessage.Ephemeral($"I could not draft an answer for #{n}: {answer.Failure}. Nothing was sent to the customer; " +
                                     $"answer with `{slack.Value.Commands.Status} {n} reply <text>`."));
    }
}
