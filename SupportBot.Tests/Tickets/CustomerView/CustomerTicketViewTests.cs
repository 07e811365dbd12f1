using SupportBot.Slack.Users;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.CustomerView;
using SupportBot.Tickets.Status;

namespace SupportBot.Tests.Tickets.CustomerView;

/// <summary>The customer view's fields, from a ticket whose internal fields moved last.</summary>
public sealed class CustomerTicketViewTests : AppTest
{
    private static readonly DateTime Created = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task It_shows_the_customer_words_the_helpers_name_and_the_last_thing_the_customer_could_see()
    {
        Slack.Workspace.AddUser(TestSettings.Engineer, "Erin Engineer");
        var names = App.Get<SlackUserDirectory>();
        await names.NameAsync(TestSettings.Engineer, CancellationToken.None);
        var ticket = Worked(TicketStatus.Pending, ResolutionPath.Defect, "https://github.com/acme/app/issues/12");

        var view = CustomerTicketView.Of(ticket, names);

        Assert.Equal(new CustomerTicketView(7, "Search is slow", "Waiting for your reply", "Erin Engineer", Created,
            Created.AddHours(3), "https://github.com/acme/app/issues/12"), view);
    }

    [Fact]
    public void A_security_link_an_unknown_name_and_no_assignee_say_nothing_internal()
    {
        var names = App.Get<SlackUserDirectory>();
        var ticket = Worked(TicketStatus.Solved, ResolutionPath.Security, "https://github.com/acme/security-issues/issues/9");

        var view = CustomerTicketView.Of(ticket, names);
        ticket.AssigneeId = null;

        Assert.Null(view.ResolutionLink);
        Assert.Equal(CustomerTicketView.UnnamedEngineer, view.HelpedBy);
        Assert.Equal(CustomerTicketView.NotYetAssigned, CustomerTicketView.Of(ticket, names).HelpedBy);
    }

    [Theory]
    [InlineData(TicketStatus.New, "Received")]
    [InlineData(TicketStatus.Open, "In progress")]
    [InlineData(TicketStatus.Pending, "Waiting for your reply")]
    [InlineData(TicketStatus.OnHold, "On hold")]
    [InlineData(TicketStatus.Solved, "Solved")]
    [InlineData(TicketStatus.Closed, "Closed")]
    public void Each_status_has_its_customer_words(TicketStatus status, string words) =>
        Assert.Equal(words, CustomerStatus.Words(status));

    /// <summary>
    /// Replies at +1 h (team) and +3 h (customer), a status change at +2 h; after that only internal work: a
    /// priority change, a note, an escalation, each later, none of which the customer may learn of.
    /// </summary>
    private static Ticket Worked(TicketStatus status, ResolutionPath path, string link) => new()
    {
        Number = 7, Subject = "Search is slow", Status = status, AssigneeId = TestSettings.Engineer, CreatedAt = Created,
        CeId = TestSettings.Ce, Tier = "Enterprise", Priority = Priority.Urgent,
        Conversation = new Conversation { LastTeamReplyAt = Created.AddHours(1), LastCustomerReplyAt = Created.AddHours(3) },
        History =
        [
            new TicketHistoryEntry { At = Created.AddHours(2), What = StatusHistory.Line(TicketStatus.Open, status, "waiting for logs") },
            new TicketHistoryEntry { At = Created.AddHours(5), What = "Priority Normal → Urgent" },
            new TicketHistoryEntry { At = Created.AddHours(6), What = "Internal note added" },
        ],
        Notes = [new TicketNote { At = Created.AddHours(6), Text = "secret" }],
        Escalations = [new TicketEscalation { At = Created.AddHours(8), Question = "secret?" }],
        Resolution = new TicketResolution { Path = path, Link = link, At = Created.AddHours(2) },
    };
}
