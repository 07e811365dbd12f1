using System.Collections.Concurrent;
using Quartz;

namespace SupportBot.Tests.Scheduling;

/// <summary>
/// Records each run of one job on one scheduler (which replica, when it began and ended), and can hold a run open
/// for a while, so a test sees whether another replica starts the same job meanwhile.
/// </summary>
public sealed class JobRuns(JobKey job, ConcurrentQueue<JobRuns.Run> runs, Func<CancellationToken, Task> during) : IJobListener
{
    public sealed record Run(string Replica, DateTimeOffset Began, DateTimeOffset Ended, bool Recovering);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _began = new();

    public string Name => $"runs-of-{job}-{GetHashCode()}";

    public static void Listen(IScheduler scheduler, JobKey job, ConcurrentQueue<Run> runs, Func<CancellationToken, Task> during) =>
        scheduler.ListenerManager.AddJobListener(new JobRuns(job, runs, during), []);

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!context.JobDetail.Key.Equals(job))
            return;
        _began[context.FireInstanceId] = DateTimeOffset.UtcNow;
        await during(cancellationToken);
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Equals(job) && _began.TryRemove(context.FireInstanceId, out var began))
            runs.Enqueue(new Run(context.Scheduler.SchedulerInstanceId, began, DateTimeOffset.UtcNow, context.Recovering));
        return ValueTask.CompletedTask;
    }
}
