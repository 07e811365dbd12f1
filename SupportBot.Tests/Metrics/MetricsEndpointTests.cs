using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Metrics;

/// <summary><c>/metrics</c>: the app's supportbot_* instruments in Prometheus' text format, counted as the work happens.</summary>
public sealed class MetricsEndpointTests() : AppTest(new() { ["Metrics:Port"] = ManagementPort.Port.ToString(CultureInfo.InvariantCulture) })
{
    [Fact]
    public async Task Created_taken_and_solved_tickets_and_Slack_calls_are_counted()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/take", N(number));
        await CommandAsync("/status", $"{number} solved confirmed");
        await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("marked", StringComparison.Ordinal));

        var text = await Scrape();

        Assert.Matches(new Regex(@"^supportbot_tickets_created_total\{[^}]*source=""RequestForm""[^}]*\} [1-9]", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_tickets_taken_total(\{[^}]*\})? [1-9]", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_tickets_solved_total\{[^}]*path=""Confirmed""[^}]*\} [1-9]", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_first_response_seconds_count(\{[^}]*\})? [1-9]", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_slack_api_calls_total\{[^}]*method=""chat.postMessage""[^}]*outcome=""ok""[^}]*\} [1-9]", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_slack_api_seconds_bucket\{[^}]*method=""chat.postMessage""", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_outbox_pending(\{[^}]*\})? \d", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_outbox_failed(\{[^}]*\})? \d", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task A_refused_Slack_call_is_counted_with_its_error()
    {
        Slack.FailWithError("chat.postMessage", "channel_not_found", count: 1);
        await CommandAsync("/status", "setup");

        var text = await ScrapeUntil(t => t.Contains("outcome=\"channel_not_found\"", StringComparison.Ordinal));

        Assert.Contains("outcome=\"channel_not_found\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histograms_keep_their_own_buckets_under_the_series_limit()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/take", N(number));
        // a take is not a first response; the team moving the ticket on is (without it the test passed only when
        // another test's app in this process had recorded one: it failed in CI's order)
        await CommandAsync("/status", $"{number} solved confirmed");

        var text = await ScrapeUntil(t => t.Contains("supportbot_first_response_seconds_bucket", StringComparison.Ordinal));

        // the limit is set by a view on every stream; the boundaries the instrument advises stay (any count: other
        // tests' apps in this process record under the same meter name, on clocks of their own)
        Assert.Matches(new Regex(@"^supportbot_first_response_seconds_bucket\{[^}]*le=""259200""[^}]*\} \d+$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^supportbot_slack_api_seconds_bucket\{[^}]*le=""15""", RegexOptions.Multiline), text);
    }

    private async Task<string> Scrape() => await ScrapeUntil(_ => true);

    /// <summary>
    /// Scrapes until <paramref name="done"/> holds, bounded by the suite's patience (see Eventually). The OpenTelemetry
    /// exporter answered one scrape with a 500 beside stress-ng on 2 cores (its own failure: nothing of ours logged);
    /// Prometheus counts such a scrape as failed and takes the next one, and so does this.
    /// </summary>
    private async Task<string> ScrapeUntil(Func<string, bool> done)
    {
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        var (status, text) = await App.GetOnPortAsync(ManagementPort.Port, "/metrics");
        while (!(status == HttpStatusCode.OK && done(text)) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(100);
            (status, text) = await App.GetOnPortAsync(ManagementPort.Port, "/metrics");
        }
        Assert.Equal(HttpStatusCode.OK, status);
        return text;
    }
}

