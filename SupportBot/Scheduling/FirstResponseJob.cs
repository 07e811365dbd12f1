using Quartz;
using SupportBot.Sla;

namespace SupportBot.Scheduling;

/// <summary>SLA reminders: at-risk, breach and capped nags for tickets without a first response.</summary>
[DisallowConcurrentExecution]
public sealed class FirstResponseJob(FirstResponseSweep sweep, ILogger<FirstResponseJob> logger) : SweepJob(sweep, logger)
{
    public static readonly JobKey Key = new("first-response", "sla");
}
