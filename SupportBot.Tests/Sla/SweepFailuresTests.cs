using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>
/// A due ticket a sweep cannot act on used to roll back its whole batch on every scan: no other due ticket was acted
/// on, and only a log line said so. It is left out, the others are acted on, and the support channel is told once.
/// </summary>
public sealed class SweepFailuresTests : IDisposable
{
    private readonly SupportBotApp _app = Create();

    public void Dispose() => SlaApp.Dispose(_app);

    [Fact]
    public async Task A_ticket_the_sweep_cannot_act_on_is_left_out_the_others_are_acted_on_and_the_team_is_told_once()
    {
        var (good, _) = await _app.PendingTicketAsync("SSO fails");
        var (broken, _) = await _app.PendingTicketAsync("Export stalls");
        _app.Time.Advance(TimeSpan.FromHours(16));

        Assert.Equal(1, Pass(broken));

        Assert.Null(_app.Ticket(good).Sla.PendingNextAt);
        Assert.NotNull(_app.Ticket(broken).Sla.PendingNextAt);
        var told = await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.Text.Contains($"could not act on #{broken}", StringComparison.Ordinal));
        Assert.Contains("record is damaged", told[0].Text, StringComparison.Ordinal);

        // the next scan leaves it out again without a word; once the ticket changes it gets another try
        Assert.Equal(0, Pass(broken));
        _app.Get<TicketStore>().Change(set => { set.Update(set.Find(broken)!); return 0; });
        Assert.Equal(1, Pass(broken: -1));
        Assert.Null(_app.Ticket(broken).Sla.PendingNextAt);
        Assert.Single(_app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains($"could not act on #{broken}", StringComparison.Ordinal)));
    }

    private int Pass(int broken) => _app.Get<DueTickets>().ForEach(SlaClock.PendingNext, (set, ticket) =>
    {
        if (ticket.Number == broken)
        {
            set.Update(ticket); // what it did before failing is rolled back with the batch
            throw new InvalidOperationException("the record is damaged");
        }
        ticket.Sla.PendingNextAt = null;
        set.Update(ticket);
        return true;
    });
}
