using SupportBot.Tests.Dashboard;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Work.Links;

/// <summary><c>/status N link M</c> and <c>unlink M</c>: related tickets, on both, without a status change.</summary>
public sealed class LinkTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    [Fact]
    public async Task Link_records_both_ways_on_status_card_and_dashboard_and_unlink_removes_both()
    {
        var a = await App.CreateTicketAsync("SSO loops for admins");
        var b = await App.CreateTicketAsync("SSO loops after upgrade");

        var answer = await CommandAsync("/status", $"{N(a)} link #{N(b)}");

        Assert.Contains($"#{b}", answer.Text, StringComparison.Ordinal);
        Assert.Equal([b], Ticket(a).Related);
        Assert.Equal([a], Ticket(b).Related);
        Assert.Contains(Ticket(a).History, h => h.What == $"Related to #{b}");
        Assert.Contains(Ticket(b).History, h => h.What == $"Related to #{a}");
        Assert.Equal(TicketStatus.New, Ticket(a).Status);
        Assert.Equal(TicketStatus.New, Ticket(b).Status);
        Assert.Contains($"Related: #{a}", (await CommandAsync("/status", N(b))).Text, StringComparison.Ordinal);
        await Slack.WaitForAsync("chat.update", c => c.Args.ToJsonString().Contains($"Related: #{b}", StringComparison.Ordinal));
        var page = (await (await App.SignedInAsync()).PageAsync($"/tickets/{a}")).Body;
        Assert.Contains($"<dt>Related</dt><dd><a href=\"/tickets/{b}\">#{b}</a></dd>", page, StringComparison.Ordinal);
        Assert.Contains("already related", (await CommandAsync("/status", $"{N(b)} link {N(a)}")).Text, StringComparison.Ordinal);
        Assert.Equal([a], Ticket(b).Related);

        var undone = await CommandAsync("/status", $"{N(b)} unlink {N(a)}");

        Assert.Contains($"#{a}", undone.Text, StringComparison.Ordinal);
        Assert.Empty(Ticket(a).Related);
        Assert.Empty(Ticket(b).Related);
        Assert.Contains(Ticket(a).History, h => h.What == $"No longer related to #{b}");
        Assert.Contains("not related", (await CommandAsync("/status", $"{N(a)} unlink {N(b)}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_to_itself_or_to_an_unknown_ticket_is_refused()
    {
        var a = await App.CreateTicketAsync("Lonely ticket");

        Assert.Contains("itself", (await CommandAsync("/status", $"{N(a)} link {N(a)}")).Text, StringComparison.Ordinal);
        Assert.Contains("can't find ticket #404", (await CommandAsync("/status", $"{N(a)} link 404")).Text, StringComparison.Ordinal);
        Assert.Contains("link 15", (await CommandAsync("/status", $"{N(a)} link")).Text, StringComparison.Ordinal);
        Assert.Empty(Ticket(a).Related);
        Assert.DoesNotContain(Ticket(a).History, h => h.What.Contains("Related", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_shows_a_merge_on_both_tickets_pages()
    {
        var keep = await App.CreateTicketAsync("Dashboard kept ticket");
        var duplicate = await App.CreateTicketAsync("Dashboard duplicate ticket");
        await CommandAsync("/status", $"{N(keep)} merge {N(duplicate)}");
        var browser = await App.SignedInAsync();

        var kept = (await browser.PageAsync($"/tickets/{keep}")).Body;
        var closed = (await browser.PageAsync($"/tickets/{duplicate}")).Body;

        Assert.Contains($"<dt>Merged into this one</dt><dd><a href=\"/tickets/{duplicate}\">#{duplicate}</a></dd>", kept, StringComparison.Ordinal);
        Assert.Contains($"<dt>Duplicate of</dt><dd><a href=\"/tickets/{keep}\">#{keep}</a>", closed, StringComparison.Ordinal);
    }
}
