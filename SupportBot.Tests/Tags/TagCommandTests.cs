using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tags;

/// <summary><c>/status N tag add|remove</c>: lower-case words, sorted, recorded in history, shown on the ticket and its card.</summary>
public sealed class TagCommandTests : AppTest
{
    private Task<CommandAnswer> Tag(int number, string words, string user = TestSettings.Engineer) =>
        CommandAsync("/status", $"{N(number)} tag {words}", user);

    [Fact]
    public async Task Adding_tags_keeps_them_lower_case_and_sorted_records_history_and_updates_the_card()
    {
        var number = await App.CreateTicketAsync("Seats are counted twice");

        var answer = await Tag(number, "add SSO, billing");

        Assert.Contains("billing, sso", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["billing", "sso"], Ticket(number).Tags);
        Assert.Contains(Ticket(number).History, h => h.What == "Tagged billing, sso" && h.ActorId == TestSettings.Engineer);
        await Slack.WaitForAsync("chat.update", c => c.Text.Contains("Tags: billing, sso", StringComparison.Ordinal));
        Assert.Contains("Tags: billing, sso", (await CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_tag_takes_it_off_the_ticket_and_the_card()
    {
        var number = await App.CreateTicketAsync("Login loops");
        await Tag(number, "add billing sso");
        await Slack.WaitForAsync("chat.update", c => c.Text.Contains("Tags: billing, sso", StringComparison.Ordinal));

        var answer = await Tag(number, "remove sso");

        Assert.Contains("tags: billing", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["billing"], Ticket(number).Tags);
        Assert.Contains(Ticket(number).History, h => h.What == "Untagged sso");
        var card = await Slack.WaitForAsync("chat.update", c => c.Text.Contains("Tags: billing", StringComparison.Ordinal)
                                                                 && !c.Text.Contains("sso", StringComparison.Ordinal));
        Assert.NotEmpty(card);
    }

    [Fact]
    public async Task Adding_a_present_tag_or_removing_an_absent_one_is_answered_and_changes_nothing()
    {
        var number = await App.CreateTicketAsync();
        await Tag(number, "add billing");
        var history = Ticket(number).History.Count;

        var again = await Tag(number, "add billing");
        var absent = await Tag(number, "remove sso");

        Assert.Contains("already has billing", again.Text, StringComparison.Ordinal);
        Assert.Contains("has no tag sso", absent.Text, StringComparison.Ordinal);
        Assert.Equal(["billing"], Ticket(number).Tags);
        Assert.Equal(history, Ticket(number).History.Count);
    }

    [Fact]
    public async Task A_ticket_holds_at_most_twenty_tags()
    {
        var number = await App.CreateTicketAsync();
        await Tag(number, "add " + string.Join(" ", Enumerable.Range(1, 20).Select(i => $"t{i}")));

        var answer = await Tag(number, "add one-more");

        Assert.Contains("at most 20 tags", answer.Text, StringComparison.Ordinal);
        Assert.Equal(20, Ticket(number).Tags.Count);
        Assert.DoesNotContain("one-more", Ticket(number).Tags);
    }

    [Fact]
    public async Task The_requester_can_neither_tag_nor_see_the_tags()
    {
        var number = await App.CreateTicketAsync("Internal words");
        await Tag(number, "add angry-customer");

        var refused = await Tag(number, "add vip", TestSettings.Customer);
        var view = await CommandAsync("/status", N(number), TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", refused.Text, StringComparison.Ordinal);
        Assert.Equal(["angry-customer"], Ticket(number).Tags);
        Assert.Contains("Internal words", view.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("angry-customer", view.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tags", view.Body, StringComparison.OrdinalIgnoreCase);
    }
}
