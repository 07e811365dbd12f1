using Quartz;
using SupportBot.Rotation;

namespace SupportBot.Scheduling;

/// <summary>
/// The rotation's offers (Assignment:Mode rotation): first offers, the next after a pass or a lapse, clean-up after a
/// take. Not a <see cref="SweepJob"/>: it asks Slack who is active before its transactions, which is awaited.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RotationJob(OfferSweep sweep, ILogger<RotationJob> logger) : IJob
{
    public static readonly JobKey Key = new("rotation-offers", "assignment");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var acted = await sweep.RunAsync(cancellationToken);
            if (acted > 0)
                logger.LogInformation("{Job} acted on {Count} ticket(s)", nameof(RotationJob), acted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "{Job} failed; the next scan will try again", nameof(RotationJob));
        }
    }
}
