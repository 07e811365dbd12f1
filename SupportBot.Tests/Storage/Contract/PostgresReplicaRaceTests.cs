using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Storage;
using SupportBot.Postgres;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>Two gates on one database, each with its own connection pool: what two replicas do to each other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaRaceTests : IDisposable
{
    private readonly NpgsqlDataSource _first;
    private readonly NpgsqlDataSource _second;
    private readonly IStoreGate[] _replicas;

    public PostgresReplicaRaceTests(PostgresServer server)
    {
        var connection = server.NewDatabase();
        PostgresSchema.Upgrade(connection, NullLogger.Instance);
        _first = NpgsqlDataSource.Create(connection);
        _second = NpgsqlDataSource.Create(connection + ";Application Name=second");
        _replicas = [new PostgresGate(_first, NullLogger<PostgresGate>.Instance), new PostgresGate(_second, NullLogger<PostgresGate>.Instance)];
    }

    private static Ticket NewTicket() => new() { Subject = "race", ChannelId = "C_ACME", UpdatedAt = DateTime.UtcNow };

    [Fact]
    public async Task Tickets_made_on_both_replicas_at_once_get_unique_contiguous_numbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            _replicas[i % 2].Write(s => { var t = NewTicket(); s.Tickets.Insert(t); return t.Number; }))));

        Assert.Equal(Enumerable.Range(1, 60), numbers.Order());
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_takes_across_replicas_wins()
    {
        var number = _replicas[0].Write(s => { var t = NewTicket(); s.Tickets.Insert(t); return t.Number; });

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _replicas[i % 2].Write(s =>
        {
            var ticket = s.Tickets.Find(number)!;
            if (ticket.AssigneeId is not null)
                return false;
            ticket.AssigneeId = $"U_ENG{i}";
            s.Tickets.Update(ticket);
            return true;
        }))));

        Assert.Single(wins, won => won);
        var holder = _replicas[1].Read(s => s.Tickets.Find(number))!.AssigneeId;
        Assert.Equal($"U_ENG{Array.IndexOf(wins, true)}", holder);
    }

    [Fact]
    public async Task The_same_request_arriving_at_both_replicas_makes_one_ticket()
    {
        var made = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => _replicas[i % 2].Write(s =>
        {
            if (s.IntakeKeys.Find("C_ACME:1700000000.000100") is not null)
                return (int?)null;
            var ticket = NewTicket();
            s.Tickets.Insert(ticket);
            s.IntakeKeys.Insert(new IntakeKey { Id = "C_ACME:1700000000.000100", TicketNumber = ticket.Number, At = DateTime.UtcNow });
            return ticket.Number;
        }))));

        Assert.Single(made, n => n is not null);
        Assert.Equal(1, _replicas[0].Read(s => s.Tickets.Count()));
    }

    [Fact]
    public async Task Two_sweeps_at_once_never_act_on_the_same_ticket()
    {
        var now = DateTime.UtcNow;
        _replicas[0].Write(s =>
        {
            for (var i = 0; i < 40; i++)
            {
                var t = NewTicket();
                t.Sla.NextCheckAt = now.AddMinutes(-1);
                s.Tickets.Insert(t);
            }
        });
        using var bothHoldTheirBatch = new Barrier(2);

        var batches = await Task.WhenAll(_replicas.Select(gate => Task.Run(() => gate.Write(s =>
        {
            var batch = s.Tickets.Due(SlaClock.NextCheck, now, 30);
            bothHoldTheirBatch.SignalAndWait(TimeSpan.FromSeconds(10));
            // a sweep's batch update touches only the rows it holds: it never waits for the other's
            foreach (var ticket in batch)
                ticket.Sla.NextCheckAt = null;
            s.Tickets.UpdateMany(batch);
            return batch.Select(t => t.Number).ToList();
        }))));

        Assert.Empty(batches[0].Intersect(batches[1]));
        Assert.Equal(40, batches[0].Count + batches[1].Count);
        Assert.False(_replicas[0].Read(s => s.Tickets.AnyDue(SlaClock.NextCheck, now)));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
