using SupportBot.Macros;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Macros;

/// <summary>Saved replies as PostgreSQL keeps them (their own table, jsonb), written through the modal and read back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MacroPostgresTests(PostgresServer server) : IDisposable
{
    private SupportBotApp? _app;

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task Saved_replies_round_trip_on_postgres()
    {
        _app = new SupportBotApp(new() { ["ConnectionStrings:Postgres"] = server.NewDatabase() });
        var form = await _app.OpenMacrosAsync("V_FIRST");
        Assert.Equal("", await _app.SubmitFormAsync(form, "Need-Logs", "Hi {requester}: the logs, please.", nameof(TicketStatus.OnHold)));
        Assert.Contains("already exists", await _app.SubmitFormAsync(form, "need-logs", "Again"), StringComparison.Ordinal);

        var stored = _app.Get<IStoreGate>().Read(s => s.Macros.Find("need-logs"))!;
        Assert.Equal(("Need-Logs", "Hi {requester}: the logs, please.", TicketStatus.OnHold), (stored.Name, stored.Text, stored.Status));
        Assert.Equal((TestSettings.Engineer, TestSettings.Engineer, _app.Time.GetUtcNow().UtcDateTime), (stored.CreatedBy, stored.UpdatedBy, stored.UpdatedAt));

        var macros = _app.Get<MacroStore>();
        Assert.Null(macros.Save("logs", "Renamed.", null, "need-logs", TestSettings.Engineer2));
        Assert.Equal(["logs"], macros.All().Select(m => m.Id));
        macros.Delete("logs");
        Assert.Empty(macros.All());
    }
}
