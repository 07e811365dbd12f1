using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;
using SupportBot.Scheduling;
using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Scheduling;

/// <summary>The jobs through a real Quartz scheduler; the SLA clock is still the app's FakeTimeProvider.</summary>
public sealed class QuartzJobsTests
{
    private static readonly JobKey[] Keys = [FirstResponseJob.Key, PendingJob.Key, AutoCloseJob.Key, RotationJob.Key];

    private static async Task<IScheduler> SchedulerAsync(SupportBotApp app) =>
        await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    [Fact]
    public async Task Each_job_is_non_concurrent_and_repeats_every_ScanInterval()
    {
        var app = SlaApp.Create(new() { ["Scheduling:ScanInterval"] = "00:00:07" }, scheduler: true);
        try
        {
            var scheduler = await SchedulerAsync(app);
            foreach (var key in Keys)
            {
                var job = await scheduler.GetJobDetail(key);
                Assert.True(job!.ConcurrentExecutionDisallowed, $"{key} may run twice at once");
                var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(key)));
                Assert.Equal(TimeSpan.FromSeconds(7), trigger.RepeatInterval);
            }
            Assert.True(await RunsWithinAsync(scheduler, Eventually.PatienceMs), "the scheduler did not start with the app");
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Scheduler_stays_in_standby_when_scheduling_is_disabled()
    {
        var app = SlaApp.Create(scheduler: false);
        try
        {
            Assert.False(await RunsWithinAsync(await SchedulerAsync(app), 300));
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    /// <summary>Quartz starts after ApplicationStarted, a moment after the host is up.</summary>
    private static async Task<bool> RunsWithinAsync(IScheduler scheduler, int timeoutMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (scheduler.Status != SchedulerStatus.Running && Environment.TickCount64 < deadline)
            await Task.Delay(20);
        return scheduler.Status == SchedulerStatus.Running;
    }

    [Fact]
    public async Task Triggered_first_response_job_posts_the_breach_to_the_support_channel()
    {
        // an hour-long scan interval: only the manual trigger below can fire the job during the test
        var app = SlaApp.Create(new() { ["Scheduling:ScanInterval"] = "01:00:00" }, scheduler: true);
        try
        {
            var number = await app.CreateTicketAsync();
            app.Time.Advance(TimeSpan.FromHours(2));

            await (await SchedulerAsync(app)).TriggerJob(FirstResponseJob.Key);

            var note = Assert.Single(await app.WaitForSlaNotesAsync(number, 1));
            Assert.Contains("SLA breached", note.Text, StringComparison.Ordinal);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Reminder_missed_while_the_app_was_down_is_sent_once_on_start()
    {
        var down = SlaApp.Create();
        var number = await down.CreateTicketAsync();
        down.Dispose();
        down.Time.Advance(TimeSpan.FromHours(6)); // at-risk, breach and several nag slots pass while nothing runs

        var up = SlaApp.Create(new() { ["Scheduling:ScanInterval"] = "00:00:01" }, dbPath: down.DbPath, time: down.Time, scheduler: true);
        try
        {
            _ = up.Services; // start the host: the scheduler's first scan runs right after start
            var notes = await up.WaitForSlaNotesAsync(number, 1);

            Assert.Contains("SLA breached", Assert.Single(notes).Text, StringComparison.Ordinal);
            Assert.Equal(0, up.Get<SlaReminderSweep>().Run()); // nothing else is owed until the next NagEvery
        }
        finally
        {
            SlaApp.Dispose(up);
        }
    }

    [Fact]
    public async Task A_failing_sweep_is_logged_and_does_not_escape_into_Quartz()
    {
        var sweep = Substitute.For<ISweep>();
        sweep.Run().Returns(_ => throw new InvalidOperationException("store closed"));
        var job = new FailingJob(sweep);

        await job.Execute(Substitute.For<IJobExecutionContext>(), CancellationToken.None);

        sweep.Received(1).Run();
    }

    private sealed class FailingJob(ISweep sweep) : SweepJob(sweep, NullLogger.Instance);
}
