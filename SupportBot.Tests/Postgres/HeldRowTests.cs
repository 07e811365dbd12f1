using Npgsql;
using SupportBot.Slack.Dispatch;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// A row another session holds (the ticket counter, a ticket) past <c>Postgres:LockTimeout</c>: a form submission and
/// a /take get the honest "couldn't save, try again" answer inside Slack's 3 s, not a late one, and nothing of them
/// is kept; once the row is free the same requests work.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HeldRowTests : IDisposable
{
    private readonly string _database;
    private readonly SupportBotApp _app;

    public HeldRowTests(PostgresServer server)
    {
        _database = server.NewDatabase();
        _app = new(new() { ["ConnectionStrings:Postgres"] = _database, ["Postgres:LockTimeout"] = "00:00:00.300" });
    }

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    /// <summary>Another session's transaction holding <paramref name="sql"/>'s rows until disposed (rolled back).</summary>
    private NpgsqlTransaction Hold(string sql)
    {
        var connection = new NpgsqlConnection(_database);
        connection.Open();
        var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand(sql, connection, transaction))
            command.ExecuteNonQuery();
        return transaction;
    }

    [Fact]
    public async Task A_held_counter_row_refuses_a_submission_fast_and_keeps_nothing_then_it_works()
    {
        var view = await _app.OpenFormAsync();
        var holder = Hold("select value from counters where name = 'tickets' for update");

        var (error, took) = await _app.SubmitAsync(view, "Held counter");

        Assert.Equal(RequestFormSubmission.NotSaved, error);
        Assert.True(took < RefusalFlows.SlackWaits, $"answered after {took.TotalMilliseconds:F0} ms");
        Assert.Equal(0, _app.Get<TicketStore>().Count());
        Assert.Equal(0, RefusalFlows.Count(_database, "intake_keys"));
        holder.Connection!.Dispose();

        var (again, _) = await _app.SubmitAsync(view, "Held counter");
        Assert.Null(again);
        Assert.Equal(1, await _app.WaitForTicketNumberAsync("Held counter"));
    }

    [Fact]
    public async Task A_held_ticket_row_refuses_a_take_fast_with_nothing_changed_then_it_works()
    {
        var number = await _app.CreateTicketAsync("Held ticket");
        var holder = Hold($"select doc from tickets where number = {number} for update");

        var (answer, took) = await _app.TimedCommandAsync("/take", N(number));

        Assert.Equal(CommandDispatch.Busy, answer.Text);
        Assert.True(took < RefusalFlows.SlackWaits, $"answered after {took.TotalMilliseconds:F0} ms");
        Assert.Null(_app.Get<TicketStore>().Find(number)!.AssigneeId);
        holder.Connection!.Dispose();

        var (taken, _) = await _app.TimedCommandAsync("/take", N(number));
        Assert.Contains($"#{number}", taken.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, _app.Get<TicketStore>().Find(number)!.AssigneeId);
    }

    private static string N(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
