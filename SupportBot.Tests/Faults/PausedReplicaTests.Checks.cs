using Npgsql;

namespace SupportBot.Tests.Faults;

/// <summary>Catching replica B inside a write, and what the run must have left behind.</summary>
public sealed partial class PausedReplicaTests
{
    private const int PauseTries = 200;

    /// <summary>
    /// Freezes <paramref name="replica"/> once a transaction of its own holds the ticket counter, and makes sure it
    /// still does once frozen (a group that committed between the look and the SIGSTOP is let go and waited for
    /// again): the pause is inside a write every time, not by luck. Returns the tries it took.
    /// </summary>
    private async Task<int> PauseInsideWriteAsync(AppProcess replica)
    {
        for (var tries = 1; tries <= PauseTries; tries++)
        {
            if (OpenWrites() > 0 && CounterHeld())
            {
                replica.Pause();
                if (OpenWrites() > 0 && CounterHeld())
                    return tries;
                replica.Resume();
            }
            await Task.Delay(5);
        }
        throw new InvalidOperationException($"replica B was never seen holding the ticket counter in {PauseTries} tries:\n{replica.Output}");
    }

    /// <summary>B's sessions inside a transaction that has written (an xid of its own).</summary>
    private long OpenWrites() => Scalar(
        $"select count(*) from pg_stat_activity where application_name = '{PausedName}' and backend_xid is not null and xact_start is not null");

    /// <summary>Whether another transaction holds the ticket counter row: only B creates tickets at that moment.</summary>
    private bool CounterHeld()
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            using var probe = new NpgsqlCommand("select 1 from counters where name = 'tickets' for update nowait", connection, transaction);
            probe.ExecuteNonQuery();
            return false;
        }
        catch (PostgresException e) when (e.SqlState == "55P03")
        {
            return true;
        }
    }

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Every saved submission once, none of the refused ones (a request answered "couldn't save" must have left
    /// nothing), no other answer, numbers 1..N with the counter at N.
    /// </summary>
    private void AssertNothingLostRepeatedOrStoredWhenRefused(SharedDatabase database)
    {
        var tickets = database.Tickets();
        var stored = _answers.Where(kv => kv.Value.Stored).Select(kv => kv.Key).ToHashSet();
        var refused = _answers.Where(kv => kv.Value.Refused).Select(kv => kv.Key).ToHashSet();
        Assert.True(_answers.Values.All(v => v.Stored || v.Refused), Describe());
        Assert.Empty(tickets.Where(t => refused.Contains(t.Subject)).Select(t => $"#{t.Number} {t.Subject} was refused yet stored"));
        Assert.Empty(stored.Where(s => tickets.Count(t => t.Subject == s) != 1).Select(s => $"{s}: {tickets.Count(t => t.Subject == s)} tickets"));
        Assert.Equal(stored.Count, tickets.Count);
        Assert.Equal(Enumerable.Range(1, tickets.Count), tickets.Select(t => t.Number));
        Assert.Equal(tickets.Count, database.TicketCounter());
    }

    private static string Summary(List<KeyValuePair<string, Answer>> answers)
    {
        var took = answers.Select(kv => kv.Value.Took.TotalMilliseconds).Order().ToList();
        return took.Count == 0 ? "A was asked nothing" :
            $"A answered {answers.Count} ({answers.Count(kv => kv.Value.Stored)} saved, {answers.Count(kv => kv.Value.Refused)} refused), " +
            $"p50 {took[took.Count / 2]:F0} ms, max {took[^1]:F0} ms";
    }

    /// <summary>The answers (of one kind, or all) that were late or neither saved nor refused.</summary>
    private string Describe(string? kind = null) =>
        $"answers {kind ?? "from any replica"} that were late or neither saved nor refused:\n" + string.Join("\n", _answers
            .Where(kv => (kind is null || kv.Value.Kind == kind) && (kv.Value.Took >= SlackDeadline || !(kv.Value.Stored || kv.Value.Refused)))
            .Select(kv => $"{kv.Key} ({kv.Value.Kind}): {kv.Value.Took.TotalMilliseconds:F0} ms, {kv.Value.Text}"));
}
