using Microsoft.Extensions.Options;
using Quartz;
using SupportBot.Health;
using SupportBot.Storage;

namespace SupportBot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz: one job per SLA concern and the rotation's offers, each fired every Scheduling:ScanInterval, and the hourly backup check. In memory,
    /// or clustered in PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (see <see cref="ClusteredStore"/>).
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindSettings(SchedulingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var clustered = StoreEngine.IsPostgres(builder.Configuration);
        builder.AddQuartz(q =>
        {
            if (clustered)
                ClusteredStore.Use(q, builder.Services);
            Every<FirstResponseJob>(q, FirstResponseJob.Key);
            Every<PendingJob>(q, PendingJob.Key);
            Every<AutoCloseJob>(q, AutoCloseJob.Key);
            Every<RotationJob>(q, RotationJob.Key);
            if (clustered)
                return; // PostgreSQL is backed up with its own tools (pg_dump, base backups), not by the bot
            q.AddJob<BackupJob>(job => job.WithIdentity(BackupJob.Key).StoreDurably());
            q.AddTrigger(trigger => trigger.ForJob(BackupJob.Key).WithIdentity("daily-backup-hourly", BackupJob.Key.Group)
                .StartNow().WithSimpleSchedule(s => s.WithInterval(BackupJob.Interval).RepeatForever()));
        });
        builder.AddQuartzHostedService(o =>
        {
            o.AwaitApplicationStarted = true; // /health answers before the first scan
            o.WaitForJobsToComplete = true;   // a sweep's commit finishes before the store closes
        });
        builder.Services.AddOptions<QuartzHostedServiceOptions>()
            .Configure<IOptions<SchedulingOptions>>((o, scheduling) => o.AutoStart = scheduling.Value.Enabled);
        return builder;
    }

    private static void Every<TJob>(IQuartzBuilder quartz, JobKey key) where TJob : IJob
    {
        // durable: the job stays registered for manual triggering even without a trigger; recovery: a run cut short by a
        // dead replica is run again by another (sweeps are idempotent); a missed scan fires at once (misfire: now)
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().RequestRecovery());
        // the interval is read from options when the scheduler is built, so test and environment settings apply
        quartz.AddTrigger((sp, trigger) => trigger
            .ForJob(key)
            .WithIdentity(key.Name + "-scan", key.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.ScanInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
    }
}
