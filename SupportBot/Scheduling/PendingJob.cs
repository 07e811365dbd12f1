using Quartz;
using SupportBot.Sla;

namespace SupportBot.Scheduling;

/// <summary>Pending follow-ups in the customer thread, then the auto-solve.</summary>
[DisallowConcurrentExecution]
public sealed class PendingJob(PendingSweep sweep, ILogger<PendingJob> logger) : SweepJob(sweep, logger)
{
    public static readonly JobKey Key = new("pending", "sla");
}
