using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using SupportBot.Scheduling;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Scheduling;

/// <summary>
/// Two app hosts on one PostgreSQL database, each with the Quartz scheduler the app builds (clustered, persistent):
/// a sweep runs on one replica at a time, and a replica that dies mid-sweep has its work taken over by the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusteredSchedulingTests(PostgresServer server)
{
    private static readonly JobKey Sweep = FirstResponseJob.Key;

    [Fact]
    public async Task Two_replicas_run_a_non_concurrent_sweep_one_at_a_time()
    {
        var database = server.NewDatabase();
        var runs = new ConcurrentQueue<JobRuns.Run>();
        var a = Replica(database);
        var b = Replica(database);
        try
        {
            // each run is held open longer than the scan interval, so the other replica's trigger is due meanwhile
            var schedulers = new[] { await SchedulerAsync(a), await SchedulerAsync(b) };
            foreach (var scheduler in schedulers)
                JobRuns.Listen(scheduler, Sweep, runs, token => Task.Delay(1500, token));
            Assert.True(await Eventually.TrueAsync(() => runs.Count >= 3, 30_000), $"{runs.Count} sweep(s) ran");
            // the replica that finishes a run tends to acquire the next one too: stand it by, so the other takes over
            if (runs.Select(r => r.Replica).Distinct().Count() == 1)
                await schedulers.Single(s => s.SchedulerInstanceId == runs.First().Replica).Standby();

            Assert.True(await Eventually.TrueAsync(() => runs.Count >= 6 && runs.Select(r => r.Replica).Distinct().Count() == 2, 30_000),
                $"{runs.Count} sweep(s) ran, on {string.Join(", ", runs.Select(r => r.Replica).Distinct())}");

            var ordered = runs.OrderBy(r => r.Began).ToList();
            foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)))
                Assert.True(later.Began >= earlier.Ended, $"{later.Replica} began at {later.Began:O} while {earlier.Replica} ran until {earlier.Ended:O}");
            Assert.NotEqual((await SchedulerAsync(a)).SchedulerInstanceId, (await SchedulerAsync(b)).SchedulerInstanceId);
            Assert.Equal(2, Query<long>(database, "SELECT count(*) FROM qrtz_scheduler_state"));
            Assert.Equal(1000, Query<long>(database, "SELECT max(checkin_interval) FROM qrtz_scheduler_state")); // Scheduling:ClusterCheckinInterval
            // the four scans (no bot-made backup on PostgreSQL): B replaced A's triggers, not added to them
            Assert.Equal(4, Query<long>(database, "SELECT count(*) FROM qrtz_triggers"));
        }
        finally
        {
            SlaApp.Dispose(a);
            SlaApp.Dispose(b);
        }
    }

    [Fact]
    public async Task When_a_replica_dies_mid_sweep_the_other_reruns_it_and_keeps_firing()
    {
        var database = server.NewDatabase();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runsOnB = new ConcurrentQueue<JobRuns.Run>();
        var a = Replica(database);
        SupportBotApp? b = null;
        try
        {
            var dying = await SchedulerAsync(a);
            JobRuns.Listen(dying, Sweep, new(), async _ =>
            {
                held.TrySetResult();
                await release.Task; // the sweep never finishes on A
            });
            await held.Task.WaitAsync(TimeSpan.FromMilliseconds(Eventually.PatienceMs));

            b = Replica(database);
            JobRuns.Listen(await SchedulerAsync(b), Sweep, runsOnB, _ => Task.CompletedTask);
            await Task.Delay(3000);
            Assert.Empty(runsOnB); // A holds the sweep and is alive: B waits

            await dying.Shutdown(waitForJobsToComplete: false); // A stops checking in with its sweep unfinished

            // the run A was in the middle of is run again once B's check-in finds A gone; B's own triggers keep firing
            // meanwhile, so on a busy machine three of those can come first: wait for the recovery itself
            Assert.True(await Eventually.TrueAsync(() => runsOnB.Count >= 3 && runsOnB.Any(run => run.Recovering), 60_000),
                $"B ran the sweep {runsOnB.Count} time(s) after A died, {runsOnB.Count(run => run.Recovering)} of them recovering A's");
            Assert.Equal(0, Query<long>(database, $"SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name = '{dying.SchedulerInstanceId}'"));
        }
        finally
        {
            release.TrySetResult();
            SlaApp.Dispose(a);
            if (b is not null)
                SlaApp.Dispose(b);
        }
    }

    /// <summary>
    /// One replica: the app with Quartz on, scanning and checking in every second, on the wall clock (Quartz takes the
    /// container's TimeProvider, and replicas compare each other's check-in times, which a standing fake clock breaks).
    /// </summary>
    private static SupportBotApp Replica(string database) => new(new()
    {
        ["ConnectionStrings:Postgres"] = database,
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:ScanInterval"] = "00:00:01",
        ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
    }, services: s => s.AddSingleton(TimeProvider.System));

    private static async Task<IScheduler> SchedulerAsync(SupportBotApp app) =>
        await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static T Query<T>(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}
