using System.Globalization;
using System.Net;
using SupportBot.Outbox;
using SupportBot.Storage;
using SupportBot.Tests.Health;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>
/// The Undelivered page: set-aside messages with ticket, channel, what, why and age, a count in the header of every
/// page, and Retry buttons (per message, per cause, all) that need the form's antiforgery field.
/// </summary>
public sealed class UndeliveredTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    /// <summary>A ticket whose confirmation in the customer's channel Slack refuses once: the bot is not a member there.</summary>
    private async Task<(int Ticket, OutboxMessage SetAside)> RefusedConfirmationAsync(string subject = "Export stuck")
    {
        Slack.FailWithError("chat.postMessage", "not_in_channel", where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        var number = await App.CreateTicketAsync(subject);
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Any(m => m.Lane == TestSettings.CustomerChannel)),
            "the refused confirmation was not set aside");
        return (number, App.Get<OutboxStore>().FailedMessages().Single(m => m.Lane == TestSettings.CustomerChannel));
    }

    private IReadOnlyList<SlackCall> DeliveredToCustomer =>
        Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel);

    [Fact]
    public async Task The_page_lists_a_set_aside_message_and_every_page_counts_it_in_the_header()
    {
        var (number, message) = await RefusedConfirmationAsync();
        var browser = await App.SignedInAsync();

        var (status, body) = await browser.PageAsync("/undelivered");
        var queue = (await browser.PageAsync("/")).Body;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/tickets/{N(number)}\"", body, StringComparison.Ordinal);
        Assert.Contains("Export stuck", body, StringComparison.Ordinal);
        Assert.Contains($"<code>{TestSettings.CustomerChannel}</code>", body, StringComparison.Ordinal);
        Assert.Contains($"the bot is not a member of #{TestSettings.CustomerChannel}", body, StringComparison.Ordinal);
        Assert.Contains("<code>/invite @SupportBot</code>", body, StringComparison.Ordinal);
        Assert.Contains($"action=\"/undelivered/{message.Id.ToString(CultureInfo.InvariantCulture)}/retry\"", body, StringComparison.Ordinal);
        Assert.Contains($"action=\"/undelivered/retry?cause=channel%3A{TestSettings.CustomerChannel}\"", body, StringComparison.Ordinal);
        Assert.Contains("Undelivered (1)", queue, StringComparison.Ordinal);
        Assert.Contains("Undelivered (1)", body, StringComparison.Ordinal);
        var (_, health) = await App.HealthAsync();
        Assert.Contains("/undelivered", health.Description("outbox"), StringComparison.Ordinal);
        Assert.NotNull(health.Since("outbox"));
    }

    [Fact]
    public async Task Retry_sends_the_message_again_and_says_so()
    {
        var (_, message) = await RefusedConfirmationAsync();
        var browser = await App.SignedInAsync();
        var page = (await browser.PageAsync("/undelivered")).Body;

        using var retry = await browser.PostAsync(new Uri($"/undelivered/{message.Id.ToString(CultureInfo.InvariantCulture)}/retry", UriKind.Relative),
            DashboardSession.AntiforgeryForm(page));

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("/undelivered?retried=1", retry.Headers.Location?.OriginalString);
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel));
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 0));
        var after = (await browser.PageAsync("/undelivered?retried=1")).Body;
        Assert.Contains("1 message put back in line", after, StringComparison.Ordinal);
        Assert.Contains("Every message the bot owes has been delivered", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Undelivered (", (await browser.PageAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_by_cause_sends_that_causes_messages()
    {
        await RefusedConfirmationAsync();
        var browser = await App.SignedInAsync();
        var page = (await browser.PageAsync("/undelivered")).Body;

        using var retry = await browser.PostAsync(
            new Uri($"/undelivered/retry?cause={Uri.EscapeDataString(OutboxCauses.Channel(TestSettings.CustomerChannel))}", UriKind.Relative), DashboardSession.AntiforgeryForm(page));

        Assert.Equal("/undelivered?retried=1", retry.Headers.Location?.OriginalString);
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel));
    }

    [Fact]
    public async Task A_retry_without_the_forms_antiforgery_field_is_refused()
    {
        var (_, message) = await RefusedConfirmationAsync();
        var browser = await App.SignedInAsync();
        await browser.PageAsync("/undelivered"); // the antiforgery cookie is set, but the form's field is not sent

        using var forged = await browser.PostAsync(new Uri($"/undelivered/{message.Id.ToString(CultureInfo.InvariantCulture)}/retry", UriKind.Relative),
            new FormUrlEncodedContent([]));
        using var forgedAll = await browser.PostAsync(new Uri("/undelivered/retry", UriKind.Relative), new FormUrlEncodedContent([]));
        using var stranger = await App.Browser().PostAsync(new Uri("/undelivered/retry", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedAll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Single(App.Get<OutboxStore>().FailedMessages(), m => m.Lane == TestSettings.CustomerChannel);
        Assert.Empty(DeliveredToCustomer);
    }

    [Fact]
    public async Task A_mail_lane_and_its_servers_words_are_shown_as_they_are_and_escaped()
    {
        var number = await App.CreateTicketAsync("Mail bounced");
        Tickets.Change(set =>
        {
            var ticket = set.Find(number)!;
            ticket.Subject = "Mail <b>bounced</b>";
            set.Update(ticket);
            return true;
        });
        var now = App.Time.GetUtcNow().UtcDateTime;
        App.Get<IStoreGate>().Write(s =>
        {
            var mail = new OutboxMessage
            {
                Lane = "email:dana@acme.com", Method = "email.send", TicketNumber = number, Purpose = "the engineer's <answer>",
            };
            OutboxStore.Enqueue(s, mail, now.AddHours(-3));
            mail.Failed = true;
            mail.LastError = "550 5.1.1 <dana@acme.com>: User unknown";
            mail.Cause = null;
            mail.SetAsideAt = now.AddHours(-2);
            s.Outbox.Update(mail);
            return 0;
        });
        var browser = await App.SignedInAsync();

        var body = (await browser.PageAsync("/undelivered")).Body;

        Assert.Contains("email:dana@acme.com", body, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 &lt;dana@acme.com&gt;: User unknown", body, StringComparison.Ordinal);
        Assert.Contains("the engineer&#x27;s &lt;answer&gt;", body, StringComparison.Ordinal);
        Assert.Contains("Mail &lt;b&gt;bounced&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bounced", body, StringComparison.Ordinal);
        Assert.Contains(">2h 0m<", body, StringComparison.Ordinal);
    }
}
