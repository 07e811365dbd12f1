using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard;

/// <summary>Each dashboard page with real tickets behind it, driven through HTTP like a browser.</summary>
public sealed class PagesTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    [Fact]
    public async Task The_queue_lists_unassigned_tickets_most_urgent_first()
    {
        var normal = await App.CreateTicketAsync(subject: "Normal one", priority: "Normal");
        var urgent = await App.CreateTicketAsync(subject: "Urgent one", priority: "Urgent");
        var taken = await App.CreateTicketAsync(subject: "Taken one");
        await CommandAsync("/take", N(taken));

        var (status, body) = await (await App.SignedInAsync()).PageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.IndexOf("Urgent one", StringComparison.Ordinal) < body.IndexOf("Normal one", StringComparison.Ordinal),
            "the urgent ticket's SLA is due first");
        Assert.DoesNotContain("Taken one", body, StringComparison.Ordinal);
        Assert.Contains("Acme Corp", body, StringComparison.Ordinal);
        Assert.Contains("RequestForm", body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tickets/{urgent}\"", body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tickets/{normal}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mine_and_Team_show_who_holds_what()
    {
        var mine = await App.CreateTicketAsync(subject: "Held by me");
        var theirs = await App.CreateTicketAsync(subject: "Held by ENG2");
        await CommandAsync("/take", N(mine));
        await CommandAsync("/take", N(theirs), TestSettings.Engineer2);
        var browser = await App.SignedInAsync();

        var mineBody = (await browser.PageAsync("/mine")).Body;
        var teamBody = (await browser.PageAsync("/team")).Body;

        Assert.Contains("Held by me", mineBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Held by ENG2", mineBody, StringComparison.Ordinal);
        Assert.Contains($">{TestSettings.Engineer}</a></td><td>1</td>", teamBody, StringComparison.Ordinal);
        Assert.Contains($">{TestSettings.Engineer2}</a></td><td>1</td>", teamBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticket_page_shows_conversation_notes_tasks_history_resolution_and_a_team_only_security_link()
    {
        var number = await App.CreateTicketAsync(subject: "Token leak");
        Tickets.Change(set =>
        {
            var t = set.Find(number)!;
            t.Subject = "Token leak <script>alert(1)</script>";
            t.Notes.Add(new TicketNote { At = set.Now, AuthorId = TestSettings.Engineer, Text = "Checked the logs: rotation bug" });
            t.Conversation.Entries.Add(new SupportBot.Tickets.ConversationEntry { Ts = "2.2", UserId = TestSettings.Customer, Text = "Any news?", At = set.Now });
            t.Resolution = new TicketResolution { Path = ResolutionPath.Security, Link = "https://security.example.com/SEC-9", At = set.Now };
            set.Update(t);
            set.Insert(new Ticket { Subject = "Rotate keys", Kind = TicketKind.Task, TaskOf = number, ChannelId = TestSettings.SupportChannel });
            return true;
        });

        var (status, body) = await (await App.SignedInAsync()).PageAsync($"/tickets/{number}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Token leak &lt;script&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("Checked the logs: rotation bug", body, StringComparison.Ordinal);
        Assert.Contains("Any news?", body, StringComparison.Ordinal);
        Assert.Contains("Rotate keys", body, StringComparison.Ordinal);
        Assert.Contains("Security link (team only)", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://security.example.com/SEC-9\"", body, StringComparison.Ordinal);
        Assert.Contains("Created from RequestForm", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticket_page_links_a_replys_files_and_shows_a_deleted_reply_as_deleted()
    {
        var number = await App.CreateTicketAsync(subject: "Logs attached");
        var thread = await App.ThreadOfAsync(number);
        var files = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "", thread, subtype: "file_share");
        files["files"] = MessageContentTests.Files(("server.log", 4096));
        await App.SendAsync(files);
        var secret = await App.ReplyAsync(thread, TestSettings.Customer, "password is hunter2");
        await App.WaitForTicketAsync(number, t => t.Conversation.Count == 2);
        await App.SendAsync(MessageDeleteTests.Deleted(TestSettings.CustomerChannel, secret, TestSettings.Customer, thread));
        await App.WaitForTicketAsync(number, t => t.Conversation.Entries.Exists(e => e.DeletedAt is not null));

        var body = (await (await App.SignedInAsync()).PageAsync($"/tickets/{number}")).Body;

        Assert.Contains("href=\"https://acme.slack.com/files/U1/F1/server.log\"", body, StringComparison.Ordinal);
        Assert.Contains("server.log (4 KB)", body, StringComparison.Ordinal);
        Assert.Contains(ConversationEntry.Deleted, body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_javascript_link_is_not_made_clickable()
    {
        var number = await App.CreateTicketAsync();
        Tickets.Change(set =>
        {
            var t = set.Find(number)!;
            t.Resolution = new TicketResolution { Path = ResolutionPath.Defect, Link = "javascript:alert(1)", At = set.Now };
            set.Update(t);
            return true;
        });

        var body = (await (await App.SignedInAsync()).PageAsync($"/tickets/{number}")).Body;

        Assert.DoesNotContain("href=\"javascript", body, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(1)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_ticket_is_a_404_page()
    {
        var (status, body) = await (await App.SignedInAsync()).PageAsync("/tickets/999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no ticket #999", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_lists_open_and_past_tickets_per_customer()
    {
        var open = await App.CreateTicketAsync(subject: "Still open");
        var done = await App.CreateTicketAsync(subject: "Long done");
        await CommandAsync("/status", $"{done} solved confirmed");

        var body = (await (await App.SignedInAsync()).PageAsync("/customers")).Body;

        Assert.Contains("Acme Corp", body, StringComparison.Ordinal);
        Assert.Contains("Enterprise", body, StringComparison.Ordinal);
        Assert.Contains("Still open", body, StringComparison.Ordinal);
        Assert.Contains("Long done", body, StringComparison.Ordinal);
        Assert.Contains($"/tickets/{open}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_draw_svg_charts_and_count_csat()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");
        await Requests.InteractAsync(Flows.ButtonPayload("csat_good", N(number), TestSettings.Customer, TestSettings.CustomerChannel));

        var (status, body) = await (await App.SignedInAsync()).PageAsync("/reports");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<svg", body, StringComparison.Ordinal);
        Assert.Contains("Tickets created per week, by source", body, StringComparison.Ordinal);
        // solved at once: a first response of 0 minutes, in a chart in minutes (hours would read "0h")
        Assert.Contains("First response per week (minutes): median and p90", body, StringComparison.Ordinal);
        Assert.Contains("<td>0 min</td>", body, StringComparison.Ordinal);
        Assert.Contains("Backlog", body, StringComparison.Ordinal);
        Assert.Contains("CSAT (1 ratings)<b>100 % good", body, StringComparison.Ordinal);
        Assert.Contains("<td>Confirmed</td><td>1</td>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_holds_the_tickets_of_the_range()
    {
        await App.CreateTicketAsync(subject: "=HYPERLINK(\"evil\")");
        var today = App.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var browser = await App.SignedInAsync();

        var response = await browser.GetAsync(new Uri($"/reports.csv?from={today}&to={today}", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? string.Join(",", response.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("number,kind,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"evil\"\")\"", lines[1], StringComparison.Ordinal);

        var before = await browser.GetAsync(new Uri("/reports.csv?from=2001-01-01&to=2001-01-31", UriKind.Relative));
        Assert.Single((await before.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("/reports?from=yesterday")]
    [InlineData("/reports?from=2026-05-01&to=2026-04-01")]
    [InlineData("/reports.csv?from=2000-01-01&to=2026-01-01")]
    public async Task Bad_dates_get_a_400_with_a_reason(string path)
    {
        var (status, body) = await (await App.SignedInAsync()).PageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches("must|at most", body);
    }
}
