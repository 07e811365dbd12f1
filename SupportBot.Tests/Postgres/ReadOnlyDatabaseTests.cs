using System.Net;
using Npgsql;
using SupportBot.Health;
using SupportBot.Postgres;
using SupportBot.Slack.Dispatch;
using SupportBot.Tests.Health;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// A database that takes no writes (SQLSTATE 25006: read-only by default, as a standby is during a failover) is a
/// store failure: the designed "couldn't save" answers instead of 500s, the request kept as a dead letter once the
/// store takes writes again, and /health Unhealthy naming it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadOnlyDatabaseTests : IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _database;
    private readonly SupportBotApp _app;

    public ReadOnlyDatabaseTests(PostgresServer server)
    {
        _server = server;
        _database = server.NewDatabase();
        _app = new(new() { ["ConnectionStrings:Postgres"] = _database });
    }

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    /// <summary>New sessions start read-only; the app's pooled ones are dropped, as a failover drops them.</summary>
    private void ReadOnly(bool on)
    {
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        using (var connection = new NpgsqlConnection(_server.ServerConnection))
        {
            connection.Open();
            using var alter = new NpgsqlCommand($"alter database \"{name}\" set default_transaction_read_only = {(on ? "on" : "off")}", connection);
            alter.ExecuteNonQuery();
        }
        _app.Get<NpgsqlDataSource>().Clear();
    }

    [Fact]
    public async Task A_read_only_database_gets_the_couldnt_save_answers_and_health_names_it()
    {
        var number = await _app.CreateTicketAsync("Before the failover");
        var view = await _app.OpenFormAsync();
        ReadOnly(true);

        var (error, took) = await _app.SubmitAsync(view, "During the failover");
        var (take, _) = await _app.TimedCommandAsync("/take", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (status, health) = await _app.HealthAsync();
        var (ready, _) = await _app.HealthAsync(HostingExtensions.ReadyPath);

        Assert.Equal(RequestFormSubmission.NotSaved, error);
        Assert.True(took < RefusalFlows.SlackWaits, $"answered after {took.TotalMilliseconds:F0} ms");
        Assert.Equal(CommandDispatch.Failing, take.Text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", health.Status("postgres"));
        Assert.Equal(PostgresHealthCheck.ReadOnly, health.Description("postgres"));
        Assert.NotNull(health.Since("postgres"));
        Assert.Null(_app.Get<TicketStore>().Find(number)!.AssigneeId);
        Assert.Equal(1, _app.Get<TicketStore>().Count());

        ReadOnly(false);
        Assert.Equal("Healthy", (await _app.HealthWhenAsync("postgres", "Healthy")).Status("postgres"));
        var (again, _) = await _app.SubmitAsync(view, "During the failover");
        Assert.Null(again);
    }

    [Fact]
    public async Task A_submission_refused_by_a_read_only_store_is_kept_as_a_dead_letter_when_the_store_takes_that_write()
    {
        var view = await _app.OpenFormAsync();
        // the ticket's tables refuse writes, the dead letters' do not: a failover that moved the pool meanwhile
        using (var connection = new NpgsqlConnection(_database))
        {
            connection.Open();
            using var trigger = new NpgsqlCommand("""
                create function refuse() returns trigger language plpgsql as
                $$ begin raise exception 'cannot execute INSERT in a read-only transaction' using errcode = '25006'; end $$;
                create trigger refuse before insert on tickets for each row execute function refuse();
                """, connection);
            trigger.ExecuteNonQuery();
        }

        var (error, _) = await _app.SubmitAsync(view, "Kept for later");

        Assert.Equal(RequestFormSubmission.NotSaved, error);
        Assert.Equal(1, RefusalFlows.Count(_database, "dead_letters"));
        Assert.Equal(0, RefusalFlows.Count(_database, "tickets"));
    }
}
