using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Rotation;

/// <summary>Who is skipped: away in Slack, or holding Assignment:MaxOpen open tickets; and what happens when nobody is left.</summary>
public sealed class RotationAvailabilityTests
{
    [Fact]
    public async Task An_engineer_away_in_Slack_is_skipped()
    {
        foreach (var away in new[] { TestSettings.Engineer, TestSettings.Engineer2 })
        {
            var app = RotationApp.Create();
            try
            {
                app.Slack.Away[away] = true;
                var number = await app.CreateTicketAsync();
                await app.SweepAsync();

                var offer = Assert.Single(await app.WaitForOffersAsync(number));
                Assert.NotEqual(away, offer.Channel);
            }
            finally
            {
                SlaApp.Dispose(app);
            }
        }
    }

    [Fact]
    public async Task An_engineer_holding_MaxOpen_open_tickets_is_skipped()
    {
        var app = RotationApp.Create(new() { ["Assignment:MaxOpen"] = "1" });
        try
        {
            var held = await app.CreateTicketAsync("Already held");
            await app.CommandAsync("/take", N(held), TestSettings.Engineer2);
            await app.SweepAsync(); // ends #held's offer, if it was made, since it is taken

            var number = await app.CreateTicketAsync("Fresh one");
            await app.SweepAsync();

            var offer = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.Equal(TestSettings.Engineer, offer.Channel);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task When_nobody_is_available_the_ticket_stays_in_the_queue_and_the_team_is_told_once()
    {
        var app = RotationApp.Create();
        try
        {
            app.Slack.Away[TestSettings.Engineer] = true;
            app.Slack.Away[TestSettings.Engineer2] = true;
            var number = await app.CreateTicketAsync();

            Assert.Equal(1, await app.SweepAsync());
            var told = await app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
                && c.Text.Contains($"Nobody could be offered #{number}", StringComparison.Ordinal));
            Assert.NotNull(Assert.Single(told).ThreadTs); // under the triage card
            app.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, await app.SweepAsync());

            Assert.Empty(app.Offers(number));
            Assert.Null(app.Ticket(number).AssigneeId);
            var taken = await app.CommandAsync("/take", "", TestSettings.Engineer);
            Assert.Contains($"#{number}*", taken.Text, StringComparison.Ordinal);
            Assert.Equal(TestSettings.Engineer, app.Ticket(number).AssigneeId); // pulled from the queue as before
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Everyone_passing_leaves_the_ticket_in_the_queue_told_once()
    {
        var app = RotationApp.Create();
        try
        {
            var number = await app.CreateTicketAsync();
            for (var i = 1; i <= 2; i++)
            {
                await app.SweepAsync();
                var offer = (await app.WaitForOffersAsync(number, i))[i - 1];
                await app.PressAsync(offer, SupportBot.Rotation.OfferMessages.PassActionId, number, offer.Channel!);
                Assert.True(await Eventually.TrueAsync(() => app.Ticket(number).Offer!.Passed.Count == i), "the pass was not recorded");
            }
            Assert.Equal(1, await app.SweepAsync());
            Assert.Equal(0, await app.SweepAsync());

            await app.Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains($"Nobody could be offered #{number}", StringComparison.Ordinal));
            Assert.Single(app.Slack.Find("chat.postMessage", c => c.Text.Contains($"Nobody could be offered #{number}", StringComparison.Ordinal)));
            Assert.Equal(2, app.Offers(number).Count);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }
}
