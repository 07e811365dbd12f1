using System.Net;
using SupportBot.Csat.Links;
using SupportBot.Tests.Email;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Intake;
using SupportBot.Tickets;

namespace SupportBot.Tests.Csat;

/// <summary>
/// Issue 22 item 8: a mail customer's CSAT question carries three signed links; the page they open records only on
/// its form's POST, once, whichever way (button or link) the rating came first.
/// </summary>
public sealed class CsatLinkTests : CsatLinkApp
{
    private readonly SmtpSink _smtp;

    public CsatLinkTests() : this(new SmtpSink())
    {
    }

    private CsatLinkTests(SmtpSink smtp) : base(smtp, smtp.Settings(), CsatLinks.PublicUrl) => _smtp = smtp;

    private Ticket Ticket(int number) => App.Get<TicketStore>().Find(number)!;

    /// <summary>Solves an email ticket and returns its CSAT mail's links by rating.</summary>
    private async Task<(int Number, Dictionary<string, string> Links)> SolvedEmailTicketAsync()
    {
        var number = App.EmailTicket();
        await App.Requests.CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer, TestSettings.SupportChannel);
        var mail = Assert.Single(await _smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("How did we do", StringComparison.Ordinal)));
        return (number, CsatLinks.Links(mail.TextBody!));
    }

    [Fact]
    public async Task The_question_mail_carries_one_signed_link_per_rating()
    {
        var (number, links) = await SolvedEmailTicketAsync();

        Assert.Equal(["bad", "good", "ok"], links.Keys.Order());
        Assert.All(links.Values, path => Assert.StartsWith($"/csat/{number}.", path, StringComparison.Ordinal));
        var mail = _smtp.Mails.Single(m => (m.TextBody ?? "").Contains("How did we do", StringComparison.Ordinal));
        Assert.Contains($"😀 Good: {CsatLinks.PublicUrl}{links["good"]}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"[#{number}]", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_link_shows_the_choice_and_records_nothing()
    {
        var (number, links) = await SolvedEmailTicketAsync();

        var response = await App.CreateClient().GetAsync(new Uri(links["ok"], UriKind.Relative));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You chose <strong>😐 OK</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{links["ok"]}\"", page, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\"", page, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", page, StringComparison.Ordinal);
        Assert.Null(Ticket(number).Csat);
    }

    [Fact]
    public async Task Confirming_records_the_rating_and_comment_once_and_a_second_click_changes_nothing()
    {
        var (number, links) = await SolvedEmailTicketAsync();

        var first = await App.ConfirmAsync(links["bad"], "  The export still fails on big projects.  ");
        var second = await App.ConfirmAsync(links["good"], "Actually fine.");
        var reopened = await App.OpenAsync(links["good"]);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("We recorded <strong>🙁 Bad</strong>", first.Body, StringComparison.Ordinal);
        var csat = Ticket(number).Csat!;
        Assert.Equal((CsatRating.Bad, "The export still fails on big projects.", "dana@customer.test"), (csat.Rating, csat.Comment, csat.UserId));
        Assert.Single(Ticket(number).History, h => h.What.StartsWith("Rated", StringComparison.Ordinal));
        Assert.Contains(Ticket(number).History, h => h.What == "Rated 🙁 Bad (CSAT, from the link)" && h.ActorId == "dana@customer.test");
        Assert.Contains(Ticket(number).History, h => h.What.StartsWith("CSAT comment: ", StringComparison.Ordinal));
        foreach (var again in new[] { second, reopened })
        {
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Contains("already recorded", again.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", again.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_comment_over_the_limit_is_refused_and_nothing_is_recorded()
    {
        var (number, links) = await SolvedEmailTicketAsync();

        var answer = await App.ConfirmAsync(links["ok"], new string('x', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("under 1000 characters", answer.Body, StringComparison.Ordinal);
        Assert.Null(Ticket(number).Csat);
    }

    [Fact]
    public async Task Forged_malformed_and_expired_links_answer_a_4xx_page_and_record_nothing()
    {
        var (number, links) = await SolvedEmailTicketAsync();
        var good = links["good"];
        var otherRating = good.Replace(".good.", ".bad.", StringComparison.Ordinal);
        var otherTicket = good.Replace($"/csat/{number}.", $"/csat/{number + 1}.", StringComparison.Ordinal);
        var cases = new (string Path, HttpStatusCode Status, string Says)[]
        {
            (otherRating, HttpStatusCode.Forbidden, "not valid"),
            (otherTicket, HttpStatusCode.Forbidden, "not valid"),
            (good[..^4], HttpStatusCode.BadRequest, "not complete"),
            ("/csat/not-a-token", HttpStatusCode.BadRequest, "not complete"),
            ("/csat/" + new string('1', 400), HttpStatusCode.BadRequest, "not complete"),
        };
        foreach (var (path, status, says) in cases)
        {
            foreach (var (got, body) in new[] { await App.OpenAsync(path), await App.ConfirmAsync(path) })
            {
                Assert.Equal(status, got);
                Assert.Contains(says, body, StringComparison.Ordinal);
            }
        }

        App.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var expired = await App.ConfirmAsync(good);

        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("expired", expired.Body, StringComparison.Ordinal);
        Assert.Null(Ticket(number).Csat);
    }

    [Fact]
    public async Task A_rating_by_the_Slack_button_first_makes_the_link_say_already_recorded()
    {
        var number = await App.CreateTicketAsync();
        await App.Requests.CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer, TestSettings.SupportChannel);
        await App.Requests.InteractAsync(Flows.ButtonPayload("csat_good", number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TestSettings.Customer, TestSettings.CustomerChannel));
        Assert.Equal(CsatRating.Good, Ticket(number).Csat?.Rating);
        var link = App.Get<ICsatPageAddress>().Of(App.Get<CsatLinkSigner>().Issue(number, CsatRating.Bad))!;

        var (status, body) = await App.ConfirmAsync(new Uri(link).AbsolutePath, "too late");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("already recorded (<strong>😀 Good</strong>)", body, StringComparison.Ordinal);
        Assert.Equal((CsatRating.Good, null), (Ticket(number).Csat!.Rating, Ticket(number).Csat!.Comment));
    }
}

/// <summary>Without <c>Dashboard:PublicUrl</c> there is no page to link to: the mail keeps the plain question.</summary>
public sealed class CsatLinkWithoutPublicUrlTests : CsatLinkApp
{
    private readonly SmtpSink _smtp;

    public CsatLinkWithoutPublicUrlTests() : this(new SmtpSink())
    {
    }

    private CsatLinkWithoutPublicUrlTests(SmtpSink smtp) : base(smtp, smtp.Settings(), publicUrl: null) => _smtp = smtp;

    [Fact]
    public async Task The_mail_keeps_the_plain_question_without_links()
    {
        var number = App.EmailTicket();
        await App.Requests.CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer, TestSettings.SupportChannel);

        var mail = Assert.Single(await _smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("How did we do", StringComparison.Ordinal)));

        Assert.Contains($"How did we do on #{number}? One click tells us", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/csat/", mail.TextBody, StringComparison.Ordinal);
    }
}

/// <summary>A GitHub customer gets the same links, in a comment on their issue.</summary>
public sealed class CsatGitHubLinkTests : CsatLinkApp
{
    private readonly FakeGitHubApi _github;

    public CsatGitHubLinkTests() : this(new FakeGitHubApi())
    {
    }

    private CsatGitHubLinkTests(FakeGitHubApi github) : base(github, github.Settings(), CsatLinks.PublicUrl) => _github = github;

    [Fact]
    public async Task The_question_comment_carries_the_three_links()
    {
        await new IntakeRequests(App).GitHubAsync("issues",
            GitHubPayloads.Labeled(41, "Code search returns 502", "support"));
        await App.Requests.CommandAsync("/status", "1 solved confirmed", TestSettings.Engineer, TestSettings.SupportChannel);

        Assert.True(await Eventually.TrueAsync(() => _github.Comments.Any(c => c.Body.Contains("How did we do", StringComparison.Ordinal))));

        var question = _github.Comments.Single(c => c.Body.Contains("How did we do", StringComparison.Ordinal));
        Assert.Equal(["bad", "good", "ok"], CsatLinks.Links(question.Body).Keys.Order());
        var (status, page) = await App.OpenAsync(CsatLinks.Links(question.Body)["good"]);
        Assert.Equal((HttpStatusCode.OK, true), (status, page.Contains("You chose", StringComparison.Ordinal)));
    }
}
