using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Tests.Health;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// The open tickets load after start, a chunk at a time, while the app already answers: a request that needs them
/// before they are loaded is a slash command told "still loading" before anything runs, and a change committed
/// during the load is in them afterwards.
/// </summary>
public sealed class OpenTicketsLoadTests : AppTest
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
    public async Task The_open_tickets_load_after_start_and_a_first_command_waits_for_them()
    {
        StoreThreeTicketsAndStop();

        using var again = new SupportBotApp(dbPath: App.DbPath);
        var answer = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);

        Assert.Contains("Your open tickets (1)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1 unassigned ticket waiting", answer.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], again.Get<OpenTickets>().Where(_ => true).Select(t => t.Number).Order());
    }

    [Fact]
    public async Task A_command_during_the_load_hears_it_is_still_loading_and_a_change_meanwhile_is_in_the_queue_after_it()
    {
        StoreThreeTicketsAndStop();
        var held = new HeldLoad();
        using var again = new SupportBotApp(dbPath: App.DbPath, services: s =>
        {
            s.RemoveAll<OpenTicketsLoading>();
            s.AddSingleton<OpenTicketsLoading>(held);
        });
        _ = again.Server; // starts the host, and with it the load
        await held.Reached.Task.WaitAsync(TimeSpan.FromMilliseconds(Eventually.PatienceMs)); // #1 read, the load held

        var during = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);
        var (ready, health) = await again.HealthAsync("/health/ready");
        // #1 was read before it was solved; #4 is new: both changes commit while the load is held
        again.Get<StatusChanger>().Change(1, TicketStatus.Solved, TestSettings.Engineer, null, actorIsTeam: true);
        var created = again.Get<TicketIntake>().Create(TestSettings.Draft("new during the load"));
        held.Release.SetResult();
        Assert.True(await Eventually.TrueAsync(() => again.Get<OpenTickets>().IsLoaded));
        var after = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.OK, during.Status);
        Assert.Contains("still loading the open tickets (1 read so far), so nothing was done", during.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("Degraded", health.Status("open-tickets"));
        Assert.Contains("1 read so far", health.Description("open-tickets"), StringComparison.Ordinal);
        Assert.Equal([2, created.Number], again.Get<OpenTickets>().Where(_ => true).Select(t => t.Number).Order());
        Assert.Contains("1 unassigned ticket waiting", after.Text, StringComparison.Ordinal);
        Assert.Equal("Healthy", (await again.HealthAsync("/health/ready")).Body.Status("open-tickets"));
    }

    /// <summary>
    /// A write that needs the open tickets while they load (a take of the next one) holds the lock the load needs: it
    /// reads them itself at once, where it used to wait its whole bound with every other write queued behind it.
    /// </summary>
    [Fact]
    public async Task A_take_of_the_next_ticket_during_the_load_reads_the_queue_itself_at_once()
    {
        StoreThreeTicketsAndStop();
        var held = new HeldLoad { Waiting = Timeout.InfiniteTimeSpan }; // a wait for the load would last until it is released
        using var again = new SupportBotApp(dbPath: App.DbPath, services: s =>
        {
            s.RemoveAll<OpenTicketsLoading>();
            s.AddSingleton<OpenTicketsLoading>(held);
        });
        _ = again.Server;
        await held.Reached.Task.WaitAsync(TimeSpan.FromMilliseconds(Eventually.PatienceMs));
        try
        {
            var taking = Task.Run(() => again.Get<SupportBot.Tickets.Take.TicketTaker>().TakeNext(TestSettings.Engineer2));

            var taken = await taking.WaitAsync(TimeSpan.FromMilliseconds(Eventually.PatienceMs));

            Assert.True(taken is { Number: 1, Taken: true }, taken?.Message);
            Assert.False(again.Get<OpenTickets>().IsLoaded); // taken while the load was still held
        }
        finally
        {
            held.Release.TrySetResult();
        }
    }

    /// <summary>A load of one ticket per chunk that stops after the first until released; a command waits its 1 s for it.</summary>
    private sealed class HeldLoad : OpenTicketsLoading
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int ChunkSize => 1;

        public TimeSpan Waiting { get; init; } = TimeSpan.FromSeconds(30);

        public override TimeSpan LongestWait => Waiting;

        public override async Task BetweenChunksAsync(CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }
}
