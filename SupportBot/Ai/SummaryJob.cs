using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary><c>/ticket N summary</c>, after the ack: the model's summary of the ticket, or why there is none.</summary>
public sealed class SummaryJob(TicketStore store, ModelClient model, EngineerReplies replies, IOptions<AiOptions> options,
    IOptions<SlackOptions> slack)
{
    /// <summary>Room left in one Slack section for the summary after its heading.</summary>
    public const int MaxSummary = 2800;

    public async Task RunAsync(AiJob job, CancellationToken cancellationToken)
    {
        var n = job.Number;
        var ticket = store.Find(n);
        if (AiRules.Refusal(options.Value, ticket, n) is { } why)
        {
            replies.Tell(job, SlackMessage.Ephemeral(why));
            return;
        }
        var answer = await model.AskAsync(AiPurpose.Summary, n, Instructions.Summary, TicketPrompt.Conversation(ticket!, options.Value.IncludeNotes), cancellationToken);
        var show = $"`{slack.Value.Commands.Status} {n}`";
        replies.Tell(job, SlackMessage.Ephemeral(answer.Ok
            ? $"*Summary of #{n}* (written by a language model: check it against {show}):\n{SlackText.Escape(SlackText.Cut(answer.Text, MaxSummary))}"
            : $"I could not make a summary of #{n}: {answer.Failure}. Nothing was changed or lost; {show} shows the whole ticket."));
    }
}
