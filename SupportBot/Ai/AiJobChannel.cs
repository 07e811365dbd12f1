using SupportBot.Outbox;

namespace SupportBot.Ai;

/// <summary>
/// Makes the model calls the outbox holds (<see cref="AiJob"/>), lane by lane like any delivery. It never throws for
/// the model's sake: whatever the endpoint does, the engineer is answered (the summary, the draft, or why not) and the
/// job is done; only a stopping app leaves it for the next start.
/// </summary>
public sealed class AiJobChannel(SummaryJob summaries, DraftJob drafts, SubjectJob subjects, ILogger<AiJobChannel> logger) : IOutboxChannel
{
    public string Method => AiJob.Method;

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (AiJob.From(message) is not { } job)
        {
            logger.LogWarning("Dropped outbox #{Id}: not a model request this version reads", message.Id);
            return Task.CompletedTask;
        }
        return job.Purpose switch
        {
            AiPurpose.Summary => summaries.RunAsync(job, cancellationToken),
            AiPurpose.Draft => drafts.RunAsync(job, cancellationToken),
            _ => subjects.RunAsync(job, cancellationToken),
        };
    }
}
