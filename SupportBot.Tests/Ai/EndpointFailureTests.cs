using System.Net;
using Microsoft.Extensions.Logging;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Ai;

public sealed class EndpointFailureTests : ModelTest
{
    [Fact]
    public async Task A_slow_endpoint_times_out_the_engineer_is_told_and_Slack_answers_meanwhile()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502");
        Model.Mode = FakeModelServer.Behaviour.Hang;

        var ack = await CommandAsync($"{N(n)} summary");
        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.Contains("Asking the language model", ack.Text, StringComparison.Ordinal);
        Assert.True(await Model.ReceivedAsync(), "the model was never asked");

        // while the model hangs, commands are answered and the outbox delivers
        Assert.Contains("Sending", (await CommandAsync($"{N(n)} reply We are looking into it.")).Text, StringComparison.Ordinal);
        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("We are looking into it.", StringComparison.Ordinal));

        App.Time.Advance(TimeSpan.Parse(Timeout, System.Globalization.CultureInfo.InvariantCulture));
        var told = await PrivateAnswerAsync("I could not make a summary of #1");
        Assert.Contains("did not answer within 20 s (Ai:Timeout)", told.Text, StringComparison.Ordinal);
        Assert.Equal("Exports fail with a 502", Ticket(n).Subject);
        Assert.Contains(App.Logs.Lines, l => l.Message.Contains("AI Summary for ticket #1: failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FakeModelServer.Behaviour.Fail, "the model's server answered HTTP 500")]
    [InlineData(FakeModelServer.Behaviour.Garbage, "not a chat completion")]
    public async Task A_failing_endpoint_is_named_to_the_engineer_and_nothing_is_sent(FakeModelServer.Behaviour mode, string why)
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502");
        Model.Mode = mode;

        await CommandAsync($"{N(n)} draft");

        var told = await PrivateAnswerAsync("I could not draft an answer for #1");
        Assert.Contains(why, told.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent to the customer", told.Text, StringComparison.Ordinal);
        Assert.Single(Model.Requests); // one try: no retries stretching the engineer's wait
    }
}

/// <summary>Every category at Trace, HttpClient's included: the key must not show up at any level.</summary>
public sealed class KeyLoggingTests() : ModelTest(new() { ["Logging:LogLevel:Default"] = "Trace", ["Logging:Console:LogLevel:Default"] = "None" })
{
    [Fact]
    public async Task The_API_key_is_sent_to_the_endpoint_but_never_logged_and_calls_are_logged_without_their_text()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502", "Nightly CSV export fails since Monday.");

        await CommandAsync($"{N(n)} summary");
        await PrivateAnswerAsync("Summary of #1");

        Assert.Equal($"Bearer {ApiKey}", Assert.Single(Model.Requests).Authorization);
        Assert.DoesNotContain(App.Logs.Lines, l => l.Message.Contains(ApiKey, StringComparison.Ordinal));
        var calls = App.Logs.Lines.Where(l => l.Category == "SupportBot.Ai.ModelClient").ToList();
        var line = Assert.Single(calls);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Matches(@"^AI Summary for ticket #1: answered in \d+ ms \(\d+ characters\)$", line.Message);
    }
}
