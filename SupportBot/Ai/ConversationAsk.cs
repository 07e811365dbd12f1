using Microsoft.Extensions.Options;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary>
/// The part a summary and a draft share: the ticket read afresh when the job runs, refused (and the engineer told)
/// if it may not be sent, else its conversation put to the model.
/// </summary>
public sealed class ConversationAsk(TicketStore store, ModelClient model, EngineerReplies replies, IOptions<AiOptions> options)
{
    /// <summary>The model's answer or failure; null when the ticket was refused (the engineer has been told why).</summary>
    public async Task<ModelAnswer?> AskAsync(AiJob job, string instructions, CancellationToken cancellationToken)
    {
        var ticket = store.Find(job.Number);
        if (AiRules.Refusal(options.Value, ticket, job.Number) is { } why)
        {
            replies.Tell(job, SlackMessage.Ephemeral(why));
            return null;
        }
        return await model.AskAsync(job.Purpose, job.Number, instructions, TicketPrompt.Conversation(ticket!, options.Value.IncludeNotes), cancellationToken);
    }
}
