using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Tests.Tickets;

/// <summary>The open tickets are kept in memory after one load; the queue they give must always match the store.</summary>
public sealed class QueueCountTests : AppTest
{
    [Fact]
    public void Queue_count_follows_creates_takes_and_solves()
    {
        var intake = App.Get<TicketIntake>();
        var first = intake.Create(TestSettings.Draft("one"));
        Assert.Equal(1, Tickets.WaitingCount()); // the first ask loads open tickets from the indexes

        var second = intake.Create(TestSettings.Draft("two"));
        intake.Create(TestSettings.Draft("three"));
        Assert.Equal(3, Tickets.WaitingCount());

        App.Get<TicketTaker>().Take([first.Number], TestSettings.Engineer, force: false);
        Assert.Equal(2, Tickets.WaitingCount());

        // solving an unassigned ticket assigns it to the solver: it leaves the queue once, not twice
        App.Get<StatusChanger>().Change(second.Number, TicketStatus.Solved, TestSettings.Engineer, null, actorIsTeam: true);
        Assert.Equal(1, Tickets.WaitingCount());
    }

    [Fact]
    public void Each_engineers_tickets_follow_takes_hand_overs_and_solves()
    {
        var intake = App.Get<TicketIntake>();
        var taker = App.Get<TicketTaker>();
        var (one, two, three) = (intake.Create(TestSettings.Draft("one")).Number, intake.Create(TestSettings.Draft("two")).Number,
            intake.Create(TestSettings.Draft("three")).Number);
        Assert.Empty(Tickets.AssignedTo(TestSettings.Engineer)); // loads the open tickets

        taker.Take([three, one], TestSettings.Engineer, force: false);
        taker.Take([two], TestSettings.Engineer2, force: false);
        Assert.Equal([one, three], Tickets.AssignedTo(TestSettings.Engineer).Select(t => t.Number));

        taker.Take([three], TestSettings.Engineer2, force: true); // handed over
        Assert.Equal([one], Tickets.AssignedTo(TestSettings.Engineer).Select(t => t.Number));
        Assert.Equal([two, three], Tickets.AssignedTo(TestSettings.Engineer2).Select(t => t.Number));

        App.Get<StatusChanger>().Change(two, TicketStatus.Solved, TestSettings.Engineer2, null, actorIsTeam: true);
        Assert.Equal([three], Tickets.AssignedTo(TestSettings.Engineer2).Select(t => t.Number));
        Assert.Equal(0, Tickets.WaitingCount());
    }

    [Fact]
    public void A_failed_change_does_not_move_the_count()
    {
        App.Get<TicketIntake>().Create(TestSettings.Draft("one"));
        Assert.Equal(1, Tickets.WaitingCount());

        Assert.Throws<InvalidOperationException>(() => Tickets.Change<int>(set =>
        {
            set.Insert(new Ticket { Subject = "rolled back", ChannelId = TestSettings.CustomerChannel });
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(1, Tickets.WaitingCount());
        Assert.Null(Tickets.Find(2));
    }

    [Fact]
    public async Task Bare_status_reports_the_queue_after_a_restart()
    {
        var intake = App.Get<TicketIntake>();
        intake.Create(TestSettings.Draft("one"));
        intake.Create(TestSettings.Draft("two"));
        await CommandAsync("/take", "", TestSettings.Engineer);
        App.Dispose();

        using var again = new SupportBotApp(dbPath: App.DbPath);
        var answer = await again.Requests.CommandAsync("/status", "", TestSettings.Engineer);

        Assert.Contains("1 unassigned ticket waiting", answer.Text, StringComparison.Ordinal);
    }
}
