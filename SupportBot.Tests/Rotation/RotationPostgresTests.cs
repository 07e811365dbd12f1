using SupportBot.Rotation;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Rotation;

/// <summary>The offer and its due instant round-trip through PostgreSQL (the offer_due column of migration 0005).</summary>
[Collection(PostgresCollection.Name)]
public sealed class RotationPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Offers_pass_and_lapse_on_postgres()
    {
        var app = RotationApp.Create(new() { ["ConnectionStrings:Postgres"] = server.NewDatabase() });
        try
        {
            var number = await app.CreateTicketAsync();
            Assert.True(await ActsAsync(app));
            var first = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.True(await app.OfferPostedAsync(number));

            await app.PressAsync(first, OfferMessages.PassActionId, number, first.Channel!);
            await app.WaitForEndedAsync($"You passed #{number}");
            Assert.True(await ActsAsync(app));
            var second = (await app.WaitForOffersAsync(number, 2))[1];
            Assert.True(await app.OfferPostedAsync(number));
            app.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.True(await ActsAsync(app));

            var ticket = app.Ticket(number);
            Assert.Equal([first.Channel!, second.Channel!], ticket.Offer!.Passed);
            Assert.Null(ticket.OfferDueAt);
            Assert.Null(ticket.AssigneeId);
            await app.Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains($"Nobody could be offered #{number}", StringComparison.Ordinal));
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    /// <summary>
    /// Sweeps until one acts. On PostgreSQL a sweep skips rows another transaction holds (another replica's sweep, or
    /// here the outbox recording where a message landed), so a pass that finds the ticket locked leaves it to the next.
    /// </summary>
    private static async Task<bool> ActsAsync(SupportBotApp app)
    {
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (Environment.TickCount64 < deadline)
        {
            if (await app.SweepAsync() == 1)
                return true;
            await Task.Delay(20);
        }
        return false;
    }
}
