using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets.Intake;
using Xunit.Abstractions;

namespace SupportBot.Tests.Faults;

/// <summary>
/// Two real bot processes on one PostgreSQL database, with the shipped Postgres defaults. Replica B is frozen with
/// SIGSTOP while a burst of its form submissions holds the ticket counter inside an open transaction; for the next
/// seconds replica A alone is asked. A answers every submission within Slack's 3 s (saved, or the honest "couldn't
/// save" refusal), keeps its /health at 200 and keeps posting to Slack: the server ends B's stalled transaction
/// (Postgres:IdleInTransactionTimeout) and A's waits for the counter are bounded (Postgres:LockTimeout). Once B runs
/// again: every acknowledged submission exists once, numbers are 1..N, and nothing refused was stored.
/// </summary>
[Collection(PostgresProcessesCollection.Name)]
public sealed partial class PausedReplicaTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string PausedName = "supportbot-paused-replica";
    private const int SpreadBurst = 20;
    private const string WhilePaused = "to A while B is paused";
    private static readonly TimeSpan PausedWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlackDeadline = TimeSpan.FromSeconds(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-paused-").FullName;
    private readonly List<AppProcess> _apps = [];
    private readonly ConcurrentDictionary<string, Answer> _answers = new();
    private int _subjects;
    private string _connection = "";

    public void Dispose()
    {
        foreach (var app in _apps)
            app.Dispose(); // SIGKILL ends a stopped process too
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_replica_paused_inside_a_write_leaves_the_other_answering_within_3_seconds_and_loses_nothing()
    {
        var clock = Stopwatch.StartNew();
        var connection = _connection = server.NewDatabase();
        var database = new SharedDatabase(connection);
        await using var slack = await LoopbackSlack.StartAsync();
        var (a, b) = (await StartAsync(connection, slack), await StartAsync($"{connection};Application Name={PausedName}", slack));
        using var httpA = a.Client();
        using var httpB = b.Client();
        var (toA, toB) = (Requests(httpA), Requests(httpB));

        // a burst spread over both replicas, once each has saved one (its first write compiles the path: seconds on a busy machine)
        await SubmitAsync(toA, "first");
        await SubmitAsync(toB, "first");
        await Parallel.ForEachAsync(Enumerable.Range(0, SpreadBurst), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await SubmitAsync(i % 2 == 0 ? toA : toB, "spread"));

        // a burst to B alone, until B is caught (and frozen) inside a transaction that holds the ticket counter
        using var stopBurst = new CancellationTokenSource();
        var burst = Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SubmitUntilAsync(toB, "to B", stopBurst.Token)));
        var caught = await PauseInsideWriteAsync(b);
        stopBurst.Cancel(); // no new requests for B: what it took before the pause waits with it
        var pausedAt = clock.ElapsedMilliseconds;

        // the paused window: A alone, under load, its health read alongside
        var postsBefore = slack.Calls.Count(c => c.Method == "chat.postMessage");
        using var windowEnds = new CancellationTokenSource(PausedWindow);
        var health = HealthWhileAsync(httpA, windowEnds.Token);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SubmitUntilAsync(toA, WhilePaused, windowEnds.Token)));
        var duringPause = _answers.Where(kv => kv.Value.Kind == WhilePaused).ToList();
        var healthCodes = await health;
        var postsInWindow = slack.Calls.Count(c => c.Method == "chat.postMessage") - postsBefore;
        // A's posts go out while B is still frozen: the cards and confirmations of what A saved in the window
        var storedByA = duringPause.Where(kv => kv.Value.Stored).Select(kv => kv.Key).ToList();
        var delivered = await Eventually.TrueAsync(() => TwoReplicaTests.Undelivered(slack, storedByA).Count == 0, 60_000);
        var undelivered = TwoReplicaTests.Undelivered(slack, storedByA).Count;
        var deliveredAt = clock.ElapsedMilliseconds;
        b.Resume();
        await burst;

        var settled = await Eventually.TrueAsync(() => database.Outbox() == (0, 0)
            && TwoReplicaTests.Undelivered(slack, _answers.Where(kv => kv.Value.Stored).Select(kv => kv.Key)).Count == 0, 60_000);
        output.WriteLine($"caught B after {caught} tries; paused {pausedAt} ms, A's window delivered (B resumed) {deliveredAt} ms, done {clock.ElapsedMilliseconds} ms; " +
                         Summary(duringPause) + $", {postsInWindow} Slack posts in the window; health {string.Join(",", healthCodes.GroupBy(c => c).Select(g => $"{g.Key}x{g.Count()}"))}");
        foreach (var app in _apps)
            await app.KillHardAsync();
        output.WriteLine($"--- replica B ---\n{b.Output}");

        Assert.True(duringPause.Count > 0, "A was asked nothing while B was paused");
        Assert.True(duringPause.All(kv => kv.Value.Refused || kv.Value.Stored), Describe(WhilePaused));
        Assert.True(duringPause.All(kv => kv.Value.Took < SlackDeadline), Describe(WhilePaused));
        Assert.True(healthCodes.Count > 0 && healthCodes.All(c => c == HttpStatusCode.OK), $"A's /health: {string.Join(", ", healthCodes)}");
        Assert.True(delivered, $"{undelivered} of A's {storedByA.Count} saved requests had no card or confirmation in Slack while B was paused");
        Assert.True(settled, $"not settled: outbox {database.Outbox()}\n{string.Join("\n", _apps.Select(x => x.Output))}");
        AssertNothingLostRepeatedOrStoredWhenRefused(database);
    }

    /// <summary>Submissions through <paramref name="requests"/>, one after another, until <paramref name="stop"/>; each answer is kept.</summary>
    private async Task SubmitUntilAsync(SlackRequests requests, string kind, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            await SubmitAsync(requests, kind);
    }

    /// <summary>One submission with a subject of its own; its answer (saved, refused, anything else) and how long it took.</summary>
    private async Task SubmitAsync(SlackRequests requests, string kind)
    {
        var subject = "Paused replica " + Interlocked.Increment(ref _subjects).ToString("D4", CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        using var response = await requests.InteractAsync(FaultFlows.Submission(subject));
        var body = await response.Content.ReadAsStringAsync();
        _answers[subject] = new Answer(kind, Stopwatch.GetElapsedTime(started), response.StatusCode == HttpStatusCode.OK && body.Length == 0,
            response.StatusCode == HttpStatusCode.OK && body.Contains(NotSavedJson, StringComparison.Ordinal), $"{(int)response.StatusCode} {body}");
    }

    private static readonly string NotSavedJson = JsonSerializer.Serialize(RequestFormSubmission.NotSaved)[1..^1];

    private static async Task<List<HttpStatusCode>> HealthWhileAsync(HttpClient http, CancellationToken stop)
    {
        var codes = new List<HttpStatusCode>();
        while (!stop.IsCancellationRequested)
        {
            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), CancellationToken.None);
            codes.Add(health.StatusCode);
            await Task.Delay(250, CancellationToken.None);
        }
        return codes;
    }

    private async Task<AppProcess> StartAsync(string connection, LoopbackSlack slack)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8])).FullName;
        var app = await AppProcess.StartAsync(Path.Combine(folder, "supportbot.db"), slack.ApiUrl, new()
        {
            ["ConnectionStrings__Postgres"] = connection,
            ["Outbox__PerChannelInterval"] = "00:00:00", // hundreds of posts to two channels; pacing is not under test here
            // a channel lane B held when frozen is A's once B's lease runs out: the shortest lease allowed, as in
            // TwoReplicaTests (with the default 30 s, A's posts to B's lanes waited 11 and 18 s in two runs)
            ["Outbox__LaneLease"] = "00:00:05",
        });
        _apps.Add(app);
        return app;
    }

    private static SlackRequests Requests(HttpClient http) => new(http, TestSettings.Secret, () => DateTimeOffset.UtcNow);

    private sealed record Answer(string Kind, TimeSpan Took, bool Stored, bool Refused, string Text);
}
