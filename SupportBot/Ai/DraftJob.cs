using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary><c>/ticket N draft</c>, after the ack: a drafted answer with Send and Edit, shown only to the engineer.</summary>
public sealed class DraftJob(TicketStore store, ModelClient model, EngineerReplies replies, IOptions<AiOptions> options,
    IOptions<SlackOptions> slack)
{
    public async Task RunAsync(AiJob job, CancellationToken cancellationToken)
    {
        var n = job.Number;
        var ticket = store.Find(n);
        if (AiRules.Refusal(options.Value, ticket, n) is { } why)
        {
            replies.Tell(job, SlackMessage.Ephemeral(why));
            return;
        }
        var answer = await model.AskAsync(AiPurpose.Draft, n, Instructions.Draft, TicketPrompt.Conversation(ticket!, options.Value.IncludeNotes), cancellationToken);
        replies.Tell(job, answer.Ok
            ? DraftMessage.Build(n, SlackText.Cut(answer.Text, DraftMessage.MaxDraft))
            : SlackMessage.Ephemeral($"I could not draft an answer for #{n}: {answer.Failure}. Nothing was sent to the customer; " +
                                     $"answer with `{slack.Value.Commands.Status} {n} reply <text>`."));
    }
}
