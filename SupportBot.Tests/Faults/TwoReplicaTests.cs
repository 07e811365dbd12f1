using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Slack.Dispatch;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using Xunit.Abstractions;

namespace SupportBot.Tests.Faults;

/// <summary>
/// Two real bot processes on one PostgreSQL database behind a load balancer, one fake Slack for both. 100 form
/// submissions and 100 racing <c>/take</c>s are spread over both; one replica is SIGKILLed mid-burst and what it did
/// not acknowledge is sent again to the survivor; a replacement replica joins. Once the SLA clocks (seconds long) have
/// run out: every acknowledged ticket exists once, numbers are 1..N, each taken ticket has one holder and one
/// accountability reply, each SLA notice went out once, and the outbox holds nothing.
/// </summary>
[Collection(PostgresProcessesCollection.Name)]
public sealed partial class TwoReplicaTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int Submissions = 100;
    private const int FirstWave = 50;
    private const int KillAfterAcks = 15;
    private const string Engineer3 = "U_ENG3";

    /// <summary>Tickets 1..20 raced by three engineers, 21..40 by two: 100 takes.</summary>
    private static readonly (int Ticket, string[] Engineers)[] Takes =
    [
        .. Enumerable.Range(1, 20).Select(n => (n, new[] { TestSettings.Engineer, TestSettings.Engineer2, Engineer3 })),
        .. Enumerable.Range(21, 20).Select(n => (n, new[] { TestSettings.Engineer, TestSettings.Engineer2 })),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-replicas-").FullName;
    private readonly List<AppProcess> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
            app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Two_replicas_lose_nothing_and_repeat_nothing_when_one_is_killed_mid_burst()
    {
        var clock = Stopwatch.StartNew();
        var connection = server.NewDatabase();
        var database = new SharedDatabase(connection);
        await using var slack = await LoopbackSlack.StartAsync();
        var replicas = await Task.WhenAll(StartAsync(connection, slack), StartAsync(connection, slack));
        var started = clock.ElapsedMilliseconds;
        using var balancer = new ReplicaBalancer(replicas);
        var acked = new ConcurrentDictionary<string, int>();
        var answers = new ConcurrentBag<(int Ticket, string Engineer, string Text)>();

        // first wave: tickets for the takes to race over
        await Parallel.ForEachAsync(Enumerable.Range(1, FirstWave), Parallel16, async (i, _) => await SubmitAsync(balancer, i, acked));
        Assert.True(FirstWave == acked.Count, $"{acked.Count} of {FirstWave} acknowledged:\n{string.Join("\n", _unacked)}\n" +
            string.Join("\n", _apps.SelectMany(a => a.Output.Split('\n')).Where(l => l.Contains("write", StringComparison.OrdinalIgnoreCase))));

        // second wave: submissions and racing takes mixed; replica 1 is killed once it has answered KillAfterAcks of them
        var victim = replicas[1];
        var victimAcks = 0;
        var killed = 0;
        await Parallel.ForEachAsync(SecondWave(), Parallel16, async (operation, _) =>
        {
            var served = await operation(balancer, acked, answers);
            if (served == 1 && Interlocked.Increment(ref victimAcks) == KillAfterAcks && Interlocked.Exchange(ref killed, 1) == 0)
                await victim.KillHardAsync();
        });
        Assert.Equal(1, killed);
        var burst = clock.ElapsedMilliseconds;
        await StartAsync(connection, slack); // its replacement joins

        var settled = await SettledAsync(database, slack, acked.Keys, 120_000);
        await Task.Delay(1500); // time enough for a repeat, if one were coming
        var settledAt = clock.ElapsedMilliseconds;
        foreach (var app in _apps)
            await app.KillHardAsync();
        Assert.True(settled, $"not settled: outbox {database.Outbox()}, " +
            $"{database.Tickets().Count(t => t.Sla.NagsSent < MaxNags)} tickets short of their last reminder\n{string.Join("\n", _apps.Select(a => a.Output))}");

        var tickets = database.Tickets();
        output.WriteLine($"{acked.Count} submissions acknowledged, {_refusals} submissions and takes refused as busy and sent again, {balancer.Retried} requests retried on the survivor, " +
                         $"{answers.Count(a => a.Text.StartsWith("You took", StringComparison.Ordinal))} takes won of {answers.Count}, " +
                         $"{slack.Calls.Count} Slack calls; started {started} ms, burst done {burst} ms, settled {settledAt} ms");
        output.WriteLine(string.Join("\n", _unacked));
        output.WriteLine(string.Join("\n", _apps.SelectMany(a => a.Output.Split('\n')).Where(l => l.Contains("write", StringComparison.OrdinalIgnoreCase))));
        AssertTicketsExistOnceWithContiguousNumbers(tickets, acked.Keys, database.TicketCounter());
        AssertOneHolderAndOneReplyPerTakenTicket(tickets, answers, slack);
        AssertEachSlaNoticeSentOnce(tickets, slack);
        Assert.Equal((0L, 0L), database.Outbox());
    }

    private static readonly ParallelOptions Parallel16 = new() { MaxDegreeOfParallelism = 16 };

    private const int MaxNags = 1;

    /// <summary>
    /// A replica with a folder of its own, as on its own machine: the store is the shared database, but what lives
    /// beside the LiteDB path (the search index) is per replica.
    /// </summary>
    private async Task<AppProcess> StartAsync(string connection, LoopbackSlack slack)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8])).FullName;
        var app = await AppProcess.StartAsync(Path.Combine(folder, "supportbot.db"), slack.ApiUrl, Settings(connection));
        lock (_apps)
            _apps.Add(app);
        return app;
    }

    /// <summary>As the acceptance harness runs SLA scenarios: seconds-long targets, so every ticket's reminders fall due in the run.</summary>
    private static Dictionary<string, string> Settings(string connection)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connection,
            ["Slack__SupportTeam__2"] = Engineer3,
            ["Outbox__PerChannelInterval"] = "00:00:00", // hundreds of posts; pacing is not under test here
            ["Outbox__LaneLease"] = "00:00:05", // the dead replica's channels are taken over within seconds
            ["Sla__AtRisk"] = "0.5", ["Sla__NagEvery"] = "00:00:02", ["Sla__MaxNags"] = MaxNags.ToString(CultureInfo.InvariantCulture),
            ["Scheduling__ClusterCheckinInterval"] = "00:00:02", // the dead replica's triggers are taken over within seconds
        };
        foreach (var priority in Enum.GetNames<Priority>())
            settings[$"Sla__FirstResponse__{priority}"] = "00:00:03";
        return settings;
    }

    /// <summary>One request through the balancer; returns the replica that answered it.</summary>
    private delegate Task<int> Operation(ReplicaBalancer balancer, ConcurrentDictionary<string, int> acked,
        ConcurrentBag<(int Ticket, string Engineer, string Text)> answers);

    /// <summary>The 50 later submissions with the takes between them, the takes of one ticket side by side so they race.</summary>
    private IEnumerable<Operation> SecondWave()
    {
        var submissions = new Queue<int>(Enumerable.Range(FirstWave + 1, Submissions - FirstWave));
        foreach (var (ticket, engineers) in Takes)
        {
            for (var i = 0; i < engineers.Length; i++)
            {
                var (engineer, replica) = (engineers[i], ticket + i);
                yield return (b, _, answers) => TakeAsync(b, replica, ticket, engineer, answers);
            }
            for (var k = 0; k < 2 && submissions.Count > 0; k++)
            {
                var i = submissions.Dequeue();
                yield return (b, acked, _) => SubmitAsync(b, i, acked);
            }
        }
        while (submissions.Count > 0)
        {
            var i = submissions.Dequeue();
            yield return (b, acked, _) => SubmitAsync(b, i, acked);
        }
    }

    /// <summary>
    /// Submission <paramref name="i"/> through replica i mod 2 (or the survivor). A form refused with "couldn't save,
    /// try again" (the other replica's group held the ticket counter past Postgres:LockTimeout on a loaded machine) is
    /// submitted again, as its user would; what was refused must have left nothing, which the final checks prove.
    /// </summary>
    private async Task<int> SubmitAsync(ReplicaBalancer balancer, int i, ConcurrentDictionary<string, int> acked)
    {
        var subject = Subject(i);
        var submission = FaultFlows.Submission(subject);
        for (var attempt = 1; ; attempt++)
        {
            var refused = false;
            var served = await balancer.SendAsync(i % 2, async requests =>
            {
                using var response = await requests.InteractAsync(submission);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && body.Length == 0)
                    acked.AddOrUpdate(subject, 1, (_, n) => n + 1);
                else
                    _unacked.Add($"{subject}: {(int)response.StatusCode} {body}");
                refused = body.Contains(JsonSerializer.Serialize(RequestFormSubmission.NotSaved)[1..^1], StringComparison.Ordinal);
            });
            if (!refused || attempt == MaxTries)
                return served;
            Interlocked.Increment(ref _refusals);
        }
    }

    private const int MaxTries = 3;
    private int _refusals;
    private readonly ConcurrentBag<string> _unacked = [];

    /// <summary>A /take answered "couldn't save, try again" (its ticket's row held past the bound) is sent again, as its engineer would.</summary>
    private async Task<int> TakeAsync(ReplicaBalancer balancer, int replica, int ticket, string engineer,
        ConcurrentBag<(int, string, string)> answers)
    {
        for (var attempt = 1; ; attempt++)
        {
            string? text = null;
            var served = await balancer.SendAsync(replica, async requests =>
            {
                var answer = await requests.CommandAsync("/take", ticket.ToString(CultureInfo.InvariantCulture), engineer);
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                text = answer.Text;
            });
            if (text != CommandDispatch.Busy || attempt == MaxTries)
            {
                answers.Add((ticket, engineer, text!));
                return served;
            }
            Interlocked.Increment(ref _refusals);
        }
    }

    private static string Subject(int i) => "Replica burst " + i.ToString("D3", CultureInfo.InvariantCulture);
}
