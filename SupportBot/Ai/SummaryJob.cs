using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Ai;

/// <summary><c>/ticket N summary</c>, after the ack: the model's summary of the ticket, or why there is none.</summary>
public sealed class SummaryJob(ConversationAsk ask, EngineerReplies replies, IOptions<SlackOptions> slack)
{
    /// <summary>Room left in one Slack section for the summary after its heading.</summary>
    public const int MaxSummary = 2800;

    public async Task RunAsync(AiJob job, CancellationToken cancellationToken)
    {
        if (await ask.AskAsync(job, Instructions.Summary, cancellationToken) is not { } answer)
            return;
        var n = job.Number;
        var show = $"`{slack.Value.Commands.Status} {n}`";
        replies.Tell(job, SlackMessage.Ephemeral(answer.Ok
            ? $"*Summary of #{n}* (written by a language model: check it against {show}):\n{SlackText.Escape(SlackText.Cut(answer.Text, MaxSummary))}"
            : $"I could not make a summary of #{n}: {answer.Failure}. Nothing was changed or lost; {show} shows the whole ticket."));
    }
}
