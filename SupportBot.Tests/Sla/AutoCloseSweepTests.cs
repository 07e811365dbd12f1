using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Solved tickets close 72 calendar hours after they were solved (the workflow's status table).</summary>
public sealed class AutoCloseSweepTests : IDisposable
{
    private readonly SupportBotApp _app = Create(allDay: false); // calendar time: weekends and nights count

    public void Dispose() => SlaApp.Dispose(_app);

    private int Sweep() => _app.Get<AutoCloseSweep>().Run();

    private async Task<int> SolvedTicketAsync()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number));
        await _app.CommandAsync("/status", $"{number} solved confirmed");
        return number;
    }

    [Fact]
    public async Task Solved_ticket_closes_after_72_hours_and_the_history_says_so()
    {
        var number = await SolvedTicketAsync();

        _app.Time.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Sweep());
        Assert.Equal(0, Sweep());

        var ticket = _app.Ticket(number);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(_app.Time.GetUtcNow().UtcDateTime, ticket.ClosedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Contains(ticket.History, h => h.What.StartsWith("Solved → Closed: closed automatically", StringComparison.Ordinal));
        Assert.Null(ticket.Sla.AutoCloseAt);
    }

    [Fact]
    public async Task Reopened_ticket_is_not_closed()
    {
        var number = await SolvedTicketAsync();
        await _app.CommandAsync("/status", $"{number} open still broken");
        Assert.Null(_app.Ticket(number).Sla.AutoCloseAt);

        _app.Time.Advance(TimeSpan.FromDays(4));

        Assert.Equal(0, Sweep());
        Assert.Equal(TicketStatus.Open, _app.Ticket(number).Status);
    }

    [Fact]
    public async Task Auto_solved_ticket_closes_72_hours_later()
    {
        using var app = Create(new() { ["Sla:PendingAutoSolveAfter"] = "01:00:00" });
        var number = await app.CreateTicketAsync();
        await app.CommandAsync("/status", $"{number} pending");
        app.Time.Advance(TimeSpan.FromHours(1));
        app.Get<PendingSweep>().Run();

        app.Time.Advance(TimeSpan.FromHours(72));

        Assert.Equal(1, app.Get<AutoCloseSweep>().Run());
        Assert.Equal(TicketStatus.Closed, app.Ticket(number).Status);
        app.DeleteDatabase();
    }
}
