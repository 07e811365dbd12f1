using System.Globalization;
using System.Text.Json.Nodes;
using SupportBot.Email;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Email;

/// <summary>A mailbox whose login is refused: minutes between tries, one login attempt a try, and /health says so.</summary>
public sealed class MailboxLoginTests
{
    [Fact]
    public void Refused_logins_wait_minutes_whatever_connection_failures_come_between()
    {
        var backoff = new MailboxBackoff();
        Assert.False(backoff.OneLoginAttempt);
        var pauses = new List<TimeSpan> { backoff.LoginRefused(), backoff.LoginRefused(), backoff.LoginRefused() };
        Assert.True(backoff.OneLoginAttempt);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.ConnectionFailed(TimeSpan.Zero)); // the server went away for a moment
        pauses.AddRange([backoff.LoginRefused(), backoff.LoginRefused(), backoff.LoginRefused()]);
        Assert.Equal([1, 2, 5, 10, 15, 15], pauses.Select(p => p.TotalMinutes));

        backoff.LoggedIn();
        Assert.False(backoff.OneLoginAttempt);
        Assert.Equal(TimeSpan.FromMinutes(1), backoff.LoginRefused());
    }

    [Fact]
    public void Connection_failures_double_from_a_second_to_a_minute_and_start_again_after_a_minute_up()
    {
        var backoff = new MailboxBackoff();
        var pauses = Enumerable.Range(0, 8).Select(_ => backoff.ConnectionFailed(TimeSpan.Zero).TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], pauses);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.ConnectionFailed(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_refused_login_is_tried_once_a_try_minutes_apart_and_makes_health_degraded()
    {
        using var imap = new RefusingImapServer();
        using var app = new SupportBotApp(new()
        {
            ["Email:Mailboxes:0:Name"] = "support",
            ["Email:Mailboxes:0:Host"] = "127.0.0.1",
            ["Email:Mailboxes:0:Port"] = imap.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Mailboxes:0:Security"] = "None",
            ["Email:Mailboxes:0:User"] = "support@acme.test",
            ["Email:Mailboxes:0:Password"] = "not-the-password",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:From"] = SmtpSink.From,
        });
        _ = app.Services;
        Assert.True(await Eventually.TrueAsync(() => imap.Logins >= 1));
        var health = JsonNode.Parse(await app.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative)))!["checks"]!["mail"]!;
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Contains("mailbox support", health["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("refuses the login as support@acme.test", health["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // half an hour on the app's clock, in 10 s steps: tries at 0, 1, 3, 8 and 18 minutes
        for (var step = 0; step < 180; step++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(15);
        }
        await Task.Delay(200);
        Assert.InRange(imap.Connections, 4, 5);
        // MailKit's own first try attempts each mechanism, then LOGIN (3); every try after a refusal attempts once
        Assert.Equal(3 + imap.Connections - 1, imap.Logins);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains("not-the-password", StringComparison.Ordinal));
    }
}
