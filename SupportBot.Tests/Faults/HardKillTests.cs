using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using SupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Tests.Faults;

/// <summary>
/// The real app process killed with SIGKILL in the middle of a burst of form submissions, then started again on
/// the same LiteDB file: what was acknowledged is there, numbers stay unique, and what was owed reaches Slack.
/// Then once more right after one acknowledged submission: the last write before a crash, with none behind it.
/// </summary>
public sealed partial class HardKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Submissions = 150;
    private const int KillAfterAcks = 20;
    private const string LastWords = "Acknowledged and killed";

    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-kill-").FullName;

    private string DbPath => Path.Combine(_folder, "supportbot.db");

    /// <summary>Posts go out unpaced here: the test is about what survives a crash, and 40 cards at 1/s would take 40 s.</summary>
    private static readonly Dictionary<string, string> Settings = new() { ["Outbox__PerChannelInterval"] = "00:00:00" };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Acknowledged_tickets_survive_a_hard_kill_mid_burst_with_unique_numbers_and_their_messages_delivered()
    {
        var clock = Stopwatch.StartNew();
        await using var slack = await LoopbackSlack.StartAsync();
        var acked = new ConcurrentBag<string>();
        using (var first = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings))
            await BurstThenKillAsync(first, acked);
        var beforeRestart = slack.Calls.Count;
        Assert.True(acked.Count >= KillAfterAcks, $"only {acked.Count} submissions were acknowledged");

        using (var second = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings))
        {
            Assert.True(await Eventually.TrueAsync(() => Undelivered(slack, acked).Count == 0, 60_000),
                $"owed messages never delivered for: {string.Join(", ", Undelivered(slack, acked))}\n{second.Output}");
            await SubmitAsync(second, LastWords);
            await second.KillHardAsync();
        }

        using var third = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings);
        Assert.True(await Eventually.TrueAsync(() => Undelivered(slack, [LastWords]).Count == 0, 60_000),
            $"the ticket acknowledged right before the kill never got its messages\n{third.Output}");
        await third.KillHardAsync();

        var stored = StoredTickets();
        var numbers = ConfirmedNumbers(slack);
        Assert.All(acked, subject => Assert.Single(stored, t => t.Subject == subject));
        Assert.All(acked, subject => Assert.Single(numbers[subject]));
        Assert.Equal(numbers.Count, numbers.Values.Select(n => n.Single()).Distinct().Count());
        // a ticket and its number commit together, so a lost transaction leaves no hole
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(t => t.Number).Order());
        Assert.Equal(stored.Count, stored.Single(t => t.Subject == LastWords).Number);
        Assert.Equal(stored.Count, StoredCounter());

        var twice = slack.Calls.Where(c => c.Method == "chat.postMessage").GroupBy(c => (c.Channel, c.ThreadTs, c.Text)).Count(g => g.Count() > 1);
        output.WriteLine($"{acked.Count} acknowledged, {stored.Count - 1 - acked.Count} more committed but not acknowledged, " +
                         $"{beforeRestart} Slack calls before the kill, {slack.Calls.Count - beforeRestart} after, {twice} posted twice; {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>16 submissions in flight at a time; SIGKILL once <see cref="KillAfterAcks"/> have been answered 200.</summary>
    private static async Task BurstThenKillAsync(AppProcess app, ConcurrentBag<string> acked)
    {
        using var http = app.Client();
        var requests = new SlackRequests(http, TestSettings.Secret, () => DateTimeOffset.UtcNow);
        var killed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, Submissions), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            if (Volatile.Read(ref killed) == 1)
                return;
            var subject = "Burst " + i.ToString("D3", CultureInfo.InvariantCulture);
            try
            {
                using var response = await requests.InteractAsync(FaultFlows.Submission(subject));
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(ct)).Length == 0)
                    acked.Add(subject);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // the process died under this request: it was never acknowledged
            }
            if (acked.Count >= KillAfterAcks && Interlocked.Exchange(ref killed, 1) == 0)
                await app.KillHardAsync();
        });
        Assert.Equal(1, killed);
    }

    private static async Task SubmitAsync(AppProcess app, string subject)
    {
        using var http = app.Client();
        using var response = await new SlackRequests(http, TestSettings.Secret, () => DateTimeOffset.UtcNow)
            .InteractAsync(FaultFlows.Submission(subject));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Subjects whose triage card or confirmation Slack has not received (from either process).</summary>
    private static List<string> Undelivered(LoopbackSlack slack, IEnumerable<string> subjects)
    {
        var cards = slack.Posts(TestSettings.SupportChannel).Select(c => c.Text).ToList();
        var confirmations = slack.Posts(TestSettings.CustomerChannel).Select(c => c.Text).ToList();
        return subjects.Where(s => !cards.Any(t => t.Contains(s, StringComparison.Ordinal))
                                   || !confirmations.Any(t => t.Contains(s, StringComparison.Ordinal))).ToList();
    }

    /// <summary>Subject → the ticket numbers its confirmations announced (one, however often it was posted).</summary>
    private static Dictionary<string, HashSet<int>> ConfirmedNumbers(LoopbackSlack slack) =>
        slack.Posts(TestSettings.CustomerChannel).Select(c => Confirmation().Match(c.Text)).Where(m => m.Success)
            .GroupBy(m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => g.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet());

    /// <summary>Opened directly, as documents: LiteDB direct mode needs the file to itself, so only once no app runs.</summary>
    private List<(int Number, string Subject)> StoredTickets()
    {
        using var db = new LiteDatabase($"Filename={DbPath}");
        return db.GetCollection("tickets").FindAll().Select(d => (d["_id"].AsInt32, d["Subject"].AsString)).ToList();
    }

    private int StoredCounter()
    {
        using var db = new LiteDatabase($"Filename={DbPath}");
        return db.GetCollection("counters").FindById("tickets")["value"].AsInt32;
    }

    [GeneratedRegex(@"ticket \*#(\d+)\* _(.+?)_")]
    private static partial Regex Confirmation();
}
