using Quartz;
using SupportBot.Sla;

namespace SupportBot.Scheduling;

/// <summary>SLA reminders: at-risk, breach and capped nags of the first-response, next-reply and resolution clocks (the job key predates the latter two).</summary>
[DisallowConcurrentExecution]
public sealed class FirstResponseJob(SlaReminderSweep sweep, ILogger<FirstResponseJob> logger) : SweepJob(sweep, logger)
{
    public static readonly JobKey Key = new("first-response", "sla");
}
