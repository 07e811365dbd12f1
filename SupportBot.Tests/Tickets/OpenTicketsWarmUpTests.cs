using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// The open tickets are read at start by the start-up check's engine, which is then dropped with everything it
/// cached; read on first use instead, their pages would stay in the kept engine's cache for good.
/// </summary>
public sealed class OpenTicketsWarmUpTests : AppTest
{
    /// <summary>Three tickets: #1 waiting, #2 taken by the engineer, #3 solved; then the app stops.</summary>
    private void StoreThreeTicketsAndStop()
    {
        var intake = App.Get<TicketIntake>();
        intake.Create(TestSettings.Draft("waiting"));
        var taken = intake.Create(TestSettings.Draft("taken"));
        var solved = intake.Create(TestSettings.Draft("solved"));
        App.Get<SupportBot.Tickets.Take.TicketTaker>().Take([taken.Number], TestSettings.Engineer, force: false);
        App.Get<StatusChanger>().Change(solved.Number, TicketStatus.Solved, TestSettings.Engineer, null, actorIsTeam: true);
        App.Dispose();
    }

    [Fact]
    public async Task The_open_tickets_are_in_memory_as_soon_as_the_app_has_started()
    {
        StoreThreeTicketsAndStop();

        using var again = new SupportBotApp(dbPath: App.DbPath);
        var open = again.Get<OpenTickets>();

        Assert.True(open.IsLoaded);
        Assert.Equal([1, 2], open.Where(_ => true).Select(t => t.Number).Order());
        var answer = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);
        Assert.Contains("Your open tickets (1)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1 unassigned ticket waiting", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_that_fails_is_logged_and_the_open_tickets_load_on_first_use()
    {
        StoreThreeTicketsAndStop();

        using var again = new SupportBotApp(dbPath: App.DbPath, services: s =>
        {
            s.RemoveAll<IStoreWarmUp>();
            s.AddSingleton<IStoreWarmUp, FailingWarmUp>();
        });
        var open = again.Get<OpenTickets>();

        Assert.False(open.IsLoaded);
        Assert.Contains(again.Logs.At(LogLevel.Warning), l => l.Contains(nameof(FailingWarmUp), StringComparison.Ordinal));
        var answer = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);
        Assert.Contains("Your open tickets (1)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1 unassigned ticket waiting", answer.Text, StringComparison.Ordinal);
        Assert.True(open.IsLoaded);
    }

    private sealed class FailingWarmUp : IStoreWarmUp
    {
        public void WarmUp(IStoreSession session) => throw new InvalidOperationException("cannot map a ticket");
    }
}
