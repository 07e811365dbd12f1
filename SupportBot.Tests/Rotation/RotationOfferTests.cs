using SupportBot.Rotation;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using static SupportBot.Tests.Rotation.RotationApp;



namespace SupportBot.Tests.Rotation;

/// <summary>Assignment:Mode rotation: a new ticket is offered by DM to one engineer at a time; only Take assigns.</summary>
public sealed class RotationOfferTests
{
    private static string Other(string engineer) => engineer == TestSettings.Engineer ? TestSettings.Engineer2 : TestSettings.Engineer;

    [Fact]
    public async Task A_new_ticket_is_offered_by_DM_with_Take_and_Pass_and_nobody_holds_it()
    {
        var app = Create();
        try
        {
            var number = await app.CreateTicketAsync("Exports fail", priority: "High");
            Assert.Equal(1, await app.SweepAsync());

            var offer = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.Contains(offer.Channel, new[] { TestSettings.Engineer, TestSettings.Engineer2 });
            foreach (var part in new[] { "Exports fail", "Acme Corp", "Priority: High", "Take", "Pass" })
                Assert.Contains(part, offer.Text, StringComparison.Ordinal);
            Assert.Null(app.Ticket(number).AssigneeId);
            // one offer at a time: a second sweep before it lapses offers nothing more
            Assert.Equal(0, await app.SweepAsync());
            Assert.Single(app.Offers(number));
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Pass_updates_the_DM_and_the_next_sweep_offers_the_other_engineer()
    {
        var app = Create();
        try
        {
            var number = await app.CreateTicketAsync();
            await app.SweepAsync();
            var first = Assert.Single(await app.WaitForOffersAsync(number));

            await app.PressAsync(first, OfferMessages.PassActionId, number, first.Channel!);

            var ended = Assert.Single(await app.WaitForEndedAsync($"You passed #{number}"));
            Assert.Equal(first.AnswerTs, ended.Args["ts"]!.GetValue<string>());
            Assert.DoesNotContain(OfferMessages.TakeActionId, ended.Args.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(1, await app.SweepAsync());
            var next = (await app.WaitForOffersAsync(number, 2))[1];
            Assert.Equal(Other(first.Channel!), next.Channel);
            Assert.Equal([first.Channel!], app.Ticket(number).Offer!.Passed);
            Assert.Null(app.Ticket(number).AssigneeId);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Take_assigns_like_take_the_thread_hears_who_helps_and_the_DM_says_so()
    {
        var app = Create();
        try
        {
            var number = await app.CreateTicketAsync();
            await app.SweepAsync();
            var offer = Assert.Single(await app.WaitForOffersAsync(number));
            var engineer = offer.Channel!;

            await app.PressAsync(offer, OfferMessages.TakeActionId, number, engineer);

            Assert.Equal(engineer, app.Ticket(number).AssigneeId);
            await app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.ThreadTs is not null
                && c.Text.Contains($"<@{engineer}> will help you", StringComparison.Ordinal));
            await app.WaitForEndedAsync($"You took #{number}");
            Assert.Null(app.Ticket(number).OfferDueAt);
            Assert.Equal(0, await app.SweepAsync());
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task An_unanswered_offer_lapses_after_OfferFor_and_goes_to_the_next_engineer()
    {
        var app = Create(new() { ["Assignment:OfferFor"] = "00:05:00" });
        try
        {
            var number = await app.CreateTicketAsync();
            await app.SweepAsync();
            var first = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.True(await app.OfferPostedAsync(number));

            app.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await app.SweepAsync());
            app.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await app.SweepAsync());

            var next = (await app.WaitForOffersAsync(number, 2))[1];
            Assert.Equal(Other(first.Channel!), next.Channel);
            await app.WaitForEndedAsync($"You didn't answer within 5m, so #{number} went on");
            Assert.Null(app.Ticket(number).AssigneeId);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Take_command_by_anyone_ends_the_offer_and_updates_its_DM()
    {
        var app = Create();
        try
        {
            var number = await app.CreateTicketAsync();
            await app.SweepAsync();
            var offer = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.True(await app.OfferPostedAsync(number));
            var taker = Other(offer.Channel!);

            await app.CommandAsync("/take", SlaApp.N(number), taker);
            Assert.True(app.Get<IStoreGate>().Read(s => s.Tickets.AnyDue(SlaClock.Offer, app.Time.GetUtcNow().UtcDateTime)),
                "a take should leave the offer due, so the next tick updates its DM");
            Assert.Equal(0, await app.SweepAsync());

            var ended = Assert.Single(await app.WaitForEndedAsync($"<@{taker}> took #{number}"));
            Assert.Equal(offer.AnswerTs, ended.Args["ts"]!.GetValue<string>());
            Assert.Equal(taker, app.Ticket(number).AssigneeId);
            Assert.Null(app.Ticket(number).OfferDueAt);
            Assert.Single(app.Offers(number));
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }

    [Fact]
    public async Task Pull_mode_offers_nothing()
    {
        var app = SlaApp.Create();
        try
        {
            var number = await app.CreateTicketAsync();

            Assert.Null(app.Ticket(number).OfferDueAt);
            Assert.Equal(0, await app.SweepAsync());
            Assert.Empty(app.Offers(number));
            Assert.Empty(app.Slack.Find("users.getPresence"));
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }
}
