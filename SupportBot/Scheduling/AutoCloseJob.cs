using Quartz;
using SupportBot.Sla;

namespace SupportBot.Scheduling;

/// <summary>Closes Solved tickets once Sla:SolvedAutoCloseAfter has passed.</summary>
[DisallowConcurrentExecution]
public sealed class AutoCloseJob(AutoCloseSweep sweep, ILogger<AutoCloseJob> logger) : SweepJob(sweep, logger)
{
    public static readonly JobKey Key = new("auto-close", "sla");
}
