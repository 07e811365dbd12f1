using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SupportBot.Rotation;
using SupportBot.Scheduling;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Rotation;

/// <summary>The offer lives in the store (a restart keeps it), and the Quartz job makes the offers.</summary>
public sealed class RotationRestartTests
{
    [Fact]
    public async Task A_restart_keeps_the_standing_offer_and_its_expiry()
    {
        var first = RotationApp.Create();
        var number = await first.CreateTicketAsync();
        await first.SweepAsync();
        var offer = Assert.Single(await first.WaitForOffersAsync(number));
        Assert.True(await first.OfferPostedAsync(number));
        first.Dispose();

        var second = RotationApp.Create(dbPath: first.DbPath, time: first.Time);
        try
        {
            var kept = second.Ticket(number).Offer!;
            Assert.Equal((offer.Channel, offer.AnswerTs), (kept.UserId, kept.Ts));
            Assert.Equal(0, await second.SweepAsync()); // not expired: nobody else is offered it
            second.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(1, await second.SweepAsync());

            var next = Assert.Single(await second.WaitForOffersAsync(number));
            Assert.NotEqual(offer.Channel, next.Channel);
            // the first app's DM is updated by the second, from the channel and ts the store kept
            var ended = Assert.Single(await second.WaitForEndedAsync("You didn't answer"));
            Assert.Equal(offer.AnswerTs, ended.Args["ts"]!.GetValue<string>());
        }
        finally
        {
            SlaApp.Dispose(second);
        }
    }

    [Fact]
    public async Task Triggered_rotation_job_makes_the_offer()
    {
        // an hour-long scan interval: only the manual trigger below can fire the job during the test
        var app = RotationApp.Create(new() { ["Scheduling:ScanInterval"] = "01:00:00" }, scheduler: true);
        try
        {
            var number = await app.CreateTicketAsync();
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True((await scheduler.GetJobDetail(RotationJob.Key))!.ConcurrentExecutionDisallowed);
            app.Slack.Away[TestSettings.Engineer2] = true;

            await scheduler.TriggerJob(RotationJob.Key);

            var offer = Assert.Single(await app.WaitForOffersAsync(number));
            Assert.Equal(TestSettings.Engineer, offer.Channel);
            Assert.Equal(2, app.Slack.Find("users.getPresence").Count); // once per engineer, outside the ack path
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }
}
