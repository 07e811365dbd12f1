using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard;

/// <summary>
/// The Reports page and CSV over tickets whose SLA clocks are already filled in (as the SLA feature leaves them):
/// next-reply and resolution attainment, per-engineer figures and chart, tag counts.
/// </summary>
public sealed partial class SlaReportsTests() : AppTest(Settings())
{
    /// <summary>Business hours all day: with the default Mon–Fri 09–17 the seeded deadlines moved with the hour the suite ran.</summary>
    private static Dictionary<string, string?> Settings()
    {
        var settings = SupportBot.Tests.Sla.SlaApp.AllDayHours();
        settings["Dashboard:PublicUrl"] = "http://dash.test";
        (settings["Sla:NextReply"], settings["Sla:Resolution"], settings["Sla:TimeZone"]) = ("01:00:00", "02:00:00", "UTC");
        return settings;
    }

    private const string Dana = "Dana";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Reports_show_next_reply_and_resolution_sla_per_engineer_figures_a_chart_and_tags()
    {
        Slack.Workspace.AddUser(TestSettings.Engineer2, Dana);
        SeedWorkedTickets();
        var browser = await App.SignedInAsync();

        // the first page may show ids only: it reads the name cache and queues the lookups
        await browser.PageAsync("/reports");
        string page = "";
        Assert.True(await Eventually.TrueAsync(() =>
        {
            page = browser.PageAsync("/reports").GetAwaiter().GetResult().Body;
            return page.Contains(Dana, StringComparison.Ordinal);
        }), "the page names U_ENG2 once the cache knows the name");

        // waits: #1 in 10 min and #2 in 20 min of 1 h, #3 unanswered past due; #4's wait is still inside its time
        Assert.Contains("Next-reply SLA met (3 waits)<b>66.7 %</b>", page, StringComparison.Ordinal);
        // resolution: #1 in 1 h of 2 h, #2 in 3 h of 1 h
        Assert.Contains("Resolution SLA met (2 tickets)<b>50.0 %</b>", page, StringComparison.Ordinal);
        // ENG1: first responses 30 and 50 min; answered #1 in 10 and 5 min (a wait without target has a time too); FR #1 and #3 met, #1's wait met, #3's overdue wait missed, #1 resolved in time
        Assert.Contains($"<tr><td>{TestSettings.Engineer}</td><td>1</td><td>30 min</td><td>5 min</td><td>80.0 % (4 of 5)</td></tr>",
            page, StringComparison.Ordinal);
        // ENG2 solved #2 (held it; no SolvedBy): FR 2 h late, its wait met, resolution missed
        Assert.Contains($"<tr><td><span title=\"{TestSettings.Engineer2}\">{Dana}</span> <span class=\"muted\">{TestSettings.Engineer2}</span></td>" +
                        "<td>1</td><td>2 h</td><td>20 min</td><td>33.3 % (1 of 3)</td></tr>", page, StringComparison.Ordinal);

        var chart = Svgs().Matches(page).Select(m => m.Value).Single(s => s.Contains("Tickets solved per engineer", StringComparison.Ordinal));
        Assert.Contains("role=\"img\" aria-label=\"Tickets solved per engineer\"><title>", chart, StringComparison.Ordinal);
        Assert.Contains($">{TestSettings.Engineer}</text>", chart, StringComparison.Ordinal);
        Assert.Contains($">{Dana}</text>", chart, StringComparison.Ordinal);
        Assert.Contains("<caption>Tickets solved per engineer</caption><thead><tr><th scope=\"col\">Engineer</th>", page, StringComparison.Ordinal);

        Assert.Contains("<tr><td>billing</td><td>2</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>sso</td><td>1</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_appends_next_reply_resolution_and_tag_columns()
    {
        // at 23:00 the seed's two hours end the next day, as when CI ran at 22:xx: the range is the day they were created
        var now = App.Time.GetUtcNow().UtcDateTime;
        App.Time.Advance(now.Date.AddHours(now.Hour >= 23 ? 47 : 23) - now);
        var created = App.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        SeedWorkedTickets();

        var (status, body) = await (await App.SignedInAsync()).PageAsync($"/reports.csv?from={created}&to={created}");

        Assert.Equal(HttpStatusCode.OK, status);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",reopened,csat,next_reply_waits,next_reply_met,resolution_used_minutes,resolution_met,tags", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.EndsWith(",2,yes,60,yes,billing sso", lines[1], StringComparison.Ordinal); // its second wait had no target
        Assert.EndsWith(",1,yes,180,no,billing", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",1,no,,,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",1,,,,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_without_targets_shows_a_dash_not_zero_percent_and_no_tags_table()
    {
        Tickets.Change(set => set.Insert(new Ticket
        {
            Subject = "No policy targets", ChannelId = TestSettings.CustomerChannel, AssigneeId = TestSettings.Engineer,
            Sla = new SlaState { ReplyWaits = [new ReplyWait { From = set.Now, AnsweredAt = set.Now, AnsweredBy = TestSettings.Engineer, Waited = Hour }] },
        }));

        var (status, page) = await (await App.SignedInAsync()).PageAsync("/reports");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Next-reply SLA met (0 waits)<b>–</b>", page, StringComparison.Ordinal);
        Assert.Contains("Resolution SLA met (0 tickets)<b>–</b>", page, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{TestSettings.Engineer}</td><td>0</td><td>–</td><td>60 min</td><td>–</td></tr>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 %", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Tags</h2>", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Four requests created two hours ago and worked by two engineers (see each test's comments for the figures).
    /// Their SLA fields are set as the clocks leave them (SlaChangesHook re-derives them at every change): an open
    /// wait has its customer's message waiting, after the first response.
    /// </summary>
    private void SeedWorkedTickets()
    {
        var numbers = Tickets.Change(set => new[] { Priority.Normal, Priority.High, Priority.Normal, Priority.Normal }
            .Select((priority, i) => set.Insert(new Ticket { Subject = $"Ticket {i + 1}", Priority = priority, ChannelId = TestSettings.CustomerChannel }).Number)
            .ToList());
        var t0 = App.Time.GetUtcNow().UtcDateTime;
        App.Time.Advance(2 * Hour);
        Tickets.Change(set =>
        {
            var now = set.Now;
            var t = numbers.Select(n => set.Find(n)!).ToList();
            Worked(t[0], TestSettings.Engineer, TicketStatus.Solved, t0.AddMinutes(30), resolutionUsed: Hour, ["billing", "sso"],
                Answered(t0.AddMinutes(40), TestSettings.Engineer, 10, Hour), Answered(t0.AddMinutes(60), TestSettings.Engineer, 5, null));
            Worked(t[1], TestSettings.Engineer2, TicketStatus.Solved, now, resolutionUsed: 3 * Hour, ["billing"],
                Answered(t0.AddMinutes(10), TestSettings.Engineer2, 20, Hour));
            Worked(t[2], TestSettings.Engineer, TicketStatus.Open, t0.AddMinutes(50), null, [],
                new ReplyWait { From = t0.AddMinutes(55), Target = Hour }); // due 5 min ago, unanswered
            Worked(t[3], null, TicketStatus.Open, t0.AddMinutes(10), null, [],
                new ReplyWait { From = t0.AddMinutes(100), Target = Hour }); // still inside its hour
            t.ForEach(set.Update);
            return numbers;
        });
    }

    private static void Worked(Ticket t, string? assignee, TicketStatus status, DateTime firstResponse, TimeSpan? resolutionUsed, List<string> tags, params ReplyWait[] waits)
    {
        (t.AssigneeId, t.Status, t.FirstResponseAt, t.Tags) = (assignee, status, firstResponse, tags);
        t.Sla.ReplyWaits = [.. waits];
        if (waits[^1].AnsweredAt is null)
            t.Conversation.WaitingSince = waits[^1].From;
        if (status != TicketStatus.Solved)
            return;
        (t.SolvedAt, t.Sla.ResolutionUsed, t.Sla.ResolutionRunningSince) = (t.UpdatedAt, resolutionUsed!.Value, null);
        t.Resolution = new TicketResolution { Path = ResolutionPath.Confirmed, SolvedBy = assignee == TestSettings.Engineer ? assignee : null, At = t.UpdatedAt };
    }

    private static ReplyWait Answered(DateTime at, string by, int minutes, TimeSpan? target) => new()
    {
        From = at, AnsweredAt = at.AddMinutes(minutes), AnsweredBy = by, Waited = TimeSpan.FromMinutes(minutes), Target = target,
    };

    [GeneratedRegex("(?s)<svg xmlns.*?</svg>")]
    private static partial Regex Svgs();
}
