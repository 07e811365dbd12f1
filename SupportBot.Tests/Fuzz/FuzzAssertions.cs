using System.Net;
using Xunit.Abstractions;

namespace SupportBot.Tests.Fuzz;

/// <summary>The checks every fuzz run ends with: nothing blew up inside, and the app still answers /health.</summary>
public static class FuzzAssertions
{
    public static async Task AssertHealthyAfterwardsAsync(this FuzzHost host, FuzzTally tally, ITestOutputHelper output, string title)
    {
        var health = await host.HealthAsync();
        if (health != HttpStatusCode.OK)
            tally.Fail($"GET /health answered {(int)health} after the fuzzing");
        // one line per distinct failure (where it was logged, what was thrown, from where), with how often
        foreach (var group in host.Logs.Failures.GroupBy(f => $"{f.Category} {f.Exception?.GetType().Name} {f.Exception?.TargetSite?.Name}"))
            tally.Fail($"logged {group.Count()}x: {group.First()}");
        output.WriteLine(tally.Report(title));
        var errors = host.Logs.Entries.Count(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        output.WriteLine($"  log: {host.Logs.Entries.Count} warning+ entries, {errors} errors, {host.Logs.Failures.Count} with exceptions");
        var store = host.Snapshot();
        output.WriteLine($"  store: {store.Tickets} tickets, {store.Events} events, {store.Outbox} outbox messages left; {host.Slack.Calls.Count} Slack calls made");
        Assert.True(tally.FailureCount == 0, tally.Failures());
    }
}
