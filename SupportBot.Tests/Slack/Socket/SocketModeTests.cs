using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Slack.Socket;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Slack.Socket;

/// <summary>
/// Socket Mode against an in-test WebSocket server speaking Slack's envelope format: the app connects with its app
/// token, acknowledges every envelope, and hands it to the same handlers as the HTTP endpoints.
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private const string AppToken = "xapp-1-A1-test";
    private FakeSocketSlack _socket = null!;
    private SupportBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _socket = await FakeSocketSlack.StartAsync();
        // no signing secret: Socket Mode needs none
        _app = new SupportBotApp(new() { ["Slack:AppToken"] = AppToken, ["Slack:SigningSecret"] = "" },
            slack: new FakeSlackApi { SocketUrl = _socket.Url });
        _ = _app.Services; // starts the host, and with it the Socket Mode connection
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.DeleteDatabase();
        await _socket.DisposeAsync();
    }

    private int TicketCount => _app.Get<TicketStore>().Count();

    private IReadOnlyList<SlackCall> SetupButtons => _app.Slack.Find("chat.postMessage",
        c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("Need help from support?", StringComparison.Ordinal));

    [Fact]
    public async Task A_burst_survives_a_connection_dropped_in_its_middle_with_nothing_lost_and_nothing_handled_twice()
    {
        var first = await _socket.NextLinkAsync();
        var burst = new List<JsonObject>();
        for (var i = 0; i < 8; i++)
        {
            burst.Add(Envelopes.HelpPost($"Help post {i}: the importer fails 🙂", $"1700000100.{i:D6}"));
            if (i % 2 == 0)
                burst.Add(Envelopes.FormSubmission($"Form request {i}"));
            if (i % 4 == 0)
                burst.Add(Envelopes.Command("/status", "setup"));
        }
        var half = burst.Count / 2;

        foreach (var envelope in burst.Take(3))
            await first.SendAsync(envelope);
        // the first three (a post, a form, a setup command) are handled and acknowledged before the connection breaks
        Assert.True(await Eventually.TrueAsync(() => burst.Take(3).All(e => _socket.AckedOnce(Envelopes.Id(e)))));
        foreach (var envelope in burst.Skip(3).Take(half - 3))
            await first.SendAsync(envelope);
        first.Drop(); // mid-burst: the rest of the first half may be read, half handled, or never arrive
        var second = await _socket.NextLinkAsync();
        // Slack sends again whatever it has no ack for; here all of the first half, as if every ack had been lost
        foreach (var envelope in burst.Take(half))
            await second.SendAsync(Envelopes.Retry(envelope));
        foreach (var envelope in burst.Skip(half))
            await second.SendAsync(envelope);

        Assert.True(await Eventually.TrueAsync(() => burst.All(e => _socket.AckedOnce(Envelopes.Id(e)))),
            "an envelope was never acknowledged");
        Assert.True(await Eventually.TrueAsync(() => TicketCount == 12), $"expected 12 tickets, found {TicketCount}");
        Assert.True(await Eventually.TrueAsync(() => SetupButtons.Count == 2), $"expected 2 setup posts, found {SetupButtons.Count}");
        // retries answered as before, never handled again: the counts stay put once everything has settled, that is
        // once no accepted event waits to be handled and the outbox owes nothing
        Assert.True(await Eventually.TrueAsync(() => _app.Get<SupportBot.Slack.Events.SlackEventInbox>().Unprocessed(1).Count == 0
            && _app.Get<SupportBot.Outbox.OutboxStore>().CountPending() == 0), "the app never settled");
        Assert.Equal(12, TicketCount);
        Assert.Equal(2, SetupButtons.Count);
        var subjects = Enumerable.Range(1, 12).Select(n => _app.Get<TicketStore>().Find(n)!.Subject).ToList();
        Assert.Equal(12, subjects.Distinct().Count());
        Assert.Equal(2, _socket.Links.Count);
    }

    [Fact]
    public async Task A_refresh_opens_the_next_connection_before_the_old_one_closes_and_both_deliver()
    {
        var first = await _socket.NextLinkAsync();
        await first.DisconnectAsync("refresh_requested");
        var second = await _socket.NextLinkAsync();
        Assert.True(first.IsOpen, "the old connection should stay open until Slack closes it");

        var late = Envelopes.HelpPost("Sent on the old connection after the refresh", "1700000200.000001");
        await first.SendAsync(late);
        Assert.True(await Eventually.TrueAsync(() => _socket.Acks.Any(a => a.EnvelopeId == Envelopes.Id(late) && a.Link == 1)));
        await first.CloseAsync();
        var fresh = Envelopes.HelpPost("Sent on the new connection", "1700000200.000002");
        await second.SendAsync(fresh);

        Assert.True(await Eventually.TrueAsync(() => _socket.Acks.Any(a => a.EnvelopeId == Envelopes.Id(fresh) && a.Link == 2)));
        Assert.True(await Eventually.TrueAsync(() => TicketCount == 2));
        var opens = _app.Slack.Find("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, o => Assert.Equal($"Bearer {AppToken}", o.Authorization));
    }

    [Fact]
    public async Task Warning_and_link_disabled_disconnects_also_move_to_a_new_connection()
    {
        var first = await _socket.NextLinkAsync();
        await first.DisconnectAsync("warning");
        var second = await _socket.NextLinkAsync();
        await first.CloseAsync();
        await second.DisconnectAsync("link_disabled");
        await second.CloseAsync();
        var third = await _socket.NextLinkAsync();
        var post = Envelopes.HelpPost("After two disconnects", "1700000300.000001");
        await third.SendAsync(post);

        Assert.True(await Eventually.TrueAsync(() => TicketCount == 1));
        Assert.Equal(3, _socket.Links.Count);
    }

    [Fact]
    public async Task A_command_is_answered_in_the_ack_and_a_refused_form_gets_its_response_action()
    {
        var link = await _socket.NextLinkAsync();
        var help = Envelopes.Command("/status", "help");
        var emptySubject = Envelopes.FormSubmission(subject: "");

        await link.SendAsync(help);
        await link.SendAsync(emptySubject);

        Assert.True(await Eventually.TrueAsync(() => _socket.AckedOnce(Envelopes.Id(help)) && _socket.AckedOnce(Envelopes.Id(emptySubject))));
        var answer = _socket.AckOf(Envelopes.Id(help))!["payload"]!["text"]!.GetValue<string>();
        Assert.Contains("/status 12", answer, StringComparison.Ordinal);
        var refusal = _socket.AckOf(Envelopes.Id(emptySubject))!["payload"]!.AsObject();
        Assert.Equal("errors", refusal["response_action"]!.GetValue<string>());
        Assert.NotNull(refusal["errors"]!["subject"]);
        Assert.Equal(0, TicketCount);
    }

    [Fact]
    public async Task A_malformed_envelope_is_acknowledged_and_the_connection_stays()
    {
        var link = await _socket.NextLinkAsync();
        var bad = Envelopes.Wrap("events_api", new JsonObject { ["type"] = "event_callback", ["event_time"] = "not a number" });
        var post = Envelopes.HelpPost("After a bad envelope", "1700000400.000001");

        await link.SendAsync(bad);
        await link.SendAsync(post);

        Assert.True(await Eventually.TrueAsync(() => _socket.AckedOnce(Envelopes.Id(bad)) && _socket.AckedOnce(Envelopes.Id(post))));
        Assert.True(await Eventually.TrueAsync(() => TicketCount == 1));
        Assert.Single(_socket.Links);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_HTTP_endpoints_accept_nothing()
    {
        await _socket.NextLinkAsync();

        var answer = await _app.Requests.CommandAsync("/status", "help", TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(6, 16)]
    [InlineData(50, 30)]
    public void Reconnects_back_off_from_immediately_to_thirty_seconds(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SocketModeService.Backoff(failures));
}
