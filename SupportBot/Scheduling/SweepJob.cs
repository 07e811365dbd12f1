using Quartz;
using SupportBot.Sla;

namespace SupportBot.Scheduling;

/// <summary>
/// Runs one sweep. Failures are logged and swallowed: the next scan retries, and an exception escaping into Quartz
/// would only be logged less clearly.
/// </summary>
public abstract class SweepJob(ISweep sweep, ILogger logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var acted = sweep.Run();
            if (acted > 0)
                logger.LogInformation("{Job} acted on {Count} ticket(s)", GetType().Name, acted);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Job} failed; the next scan will try again", GetType().Name);
        }
        return ValueTask.CompletedTask;
    }
}
