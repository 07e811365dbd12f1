using System.Net;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Dashboard.Actions;

/// <summary>The ticket page's forms change nothing without a valid antiforgery field, a team session, a ticket and sound input.</summary>
public sealed class TicketActionRefusalsTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    private async Task<(HttpClient Browser, int Number, string Page)> TicketPageAsync(string user = TestSettings.Engineer)
    {
        var number = await NewTicketAsync("Search times out");
        var browser = await App.SignedInAsync(user);
        return (browser, number, (await browser.PageAsync($"/tickets/{N(number)}")).Body);
    }

    /// <summary>A ticket as the request form makes it, once the messages it owes are delivered: any later one is a change.</summary>
    private async Task<int> NewTicketAsync(string subject)
    {
        var number = App.Get<TicketIntake>().Create(TestSettings.Draft(subject)).Number;
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().CountPending() == 0), "the outbox did not settle");
        return number;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, HttpContent form) =>
        browser.PostAsync(new Uri(path, UriKind.Relative), form);

    private void Unchanged(int number, int historyBefore)
    {
        Assert.Null(Ticket(number).AssigneeId);
        Assert.Equal(historyBefore, Ticket(number).History.Count);
        Assert.Equal(0, App.Get<OutboxStore>().CountPending());
    }

    [Fact]
    public async Task A_form_without_a_valid_antiforgery_field_is_refused_with_a_reason()
    {
        var (browser, number, _) = await TicketPageAsync();
        var history = Ticket(number).History.Count;

        using var missing = await PostAsync(browser, $"/tickets/{N(number)}/take", new FormUrlEncodedContent([]));
        using var forged = await PostAsync(browser, $"/tickets/{N(number)}/take",
            new FormUrlEncodedContent([new("__RequestVerificationToken", "CfDJ8forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("reload the page", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Unchanged(number, history);
    }

    [Fact]
    public async Task An_engineer_removed_from_the_team_after_signing_in_is_refused()
    {
        var (browser, number, page) = await TicketPageAsync(TestSettings.Engineer2);
        var history = Ticket(number).History.Count;
        // what a restart with Slack:SupportTeam edited does to this session: the engineer is no longer listed
        App.Get<IOptions<SlackOptions>>().Value.SupportTeam.Remove(TestSettings.Engineer2);

        using var response = await PostAsync(browser, $"/tickets/{N(number)}/take", DashboardSession.AntiforgeryForm(page));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Unchanged(number, history);
    }

    [Fact]
    public async Task An_unknown_ticket_is_404_and_bad_input_is_400_with_nothing_changed()
    {
        var (browser, number, page) = await TicketPageAsync();
        var history = Ticket(number).History.Count;
        string[] bad = ["status|status=deleted", "status|status=", "priority|priority=2", "priority|priority=urgent,high",
            "assign|engineer=<script>", "assign|engineer=", "note|note=%20%0D%0A", "take|force=maybe", $"note|note={new string('x', 4001)}"];

        using var unknown = await PostAsync(browser, "/tickets/9999/take", DashboardSession.AntiforgeryForm(page));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var (action, field) in bad.Select(b => (b.Split('|')[0], b.Split('|', 2)[1].Split('=', 2))))
        {
            using var response = await PostAsync(browser, $"/tickets/{N(number)}/{action}",
                DashboardSession.AntiforgeryForm(page, KeyValuePair.Create(field[0], Uri.UnescapeDataString(field[1]))));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action} {field[0]}={field[1]}: {response.StatusCode}");
        }
        Unchanged(number, history);
    }

    [Fact]
    public async Task The_answer_is_shown_once_and_only_on_its_ticket()
    {
        var (browser, number, page) = await TicketPageAsync();
        var other = await NewTicketAsync("Another one");

        using var response = await PostAsync(browser, $"/tickets/{N(number)}/priority",
            DashboardSession.AntiforgeryForm(page, KeyValuePair.Create("priority", "urgent")));

        Assert.DoesNotContain("notice answer", (await browser.PageAsync($"/tickets/{N(other)}")).Body, StringComparison.Ordinal);
        Assert.Contains("is now <strong>Urgent</strong> priority", (await browser.PageAsync($"/tickets/{N(number)}")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("notice answer", (await browser.PageAsync($"/tickets/{N(number)}")).Body, StringComparison.Ordinal);
    }
}
