using Xunit.Abstractions;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// Correctly signed mutations of valid payloads, so they reach the parsers and handlers: never a 5xx, never an
/// exception, and a request answered with a 4xx has written nothing (checked request by request).
/// </summary>
public sealed class SignedMutationFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Requests = FuzzSeed.Count(600);

    // deliveries are held until the end, so delivered outbox messages do not vanish between two snapshots
    private readonly FuzzHost _host = new(holdDeliveries: true);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Signed_mutations_of_valid_payloads_never_fail_and_refusals_write_nothing()
    {
        var tally = new FuzzTally(FuzzSeed.Or(40_961));
        var generator = new SignedMutationGenerator(new Random(tally.Seed), _host.Now);

        StoreSnapshot? before = null;
        for (var i = 0; i < Requests; i++)
        {
            var request = generator.Next();
            before ??= _host.Snapshot();
            var (status, _) = await _host.SendAsync(request, tally);
            if (status is >= 400 and < 500)
            {
                var after = _host.Snapshot();
                if (before.GrewTo(after))
                    tally.Fail(request, $"refused with {status} but the store changed: {before} -> {after}");
                before = after;
                continue;
            }
            if (request.Path == SlackPaths.Event && status == 200)
            {
                // accepted events are handled in the background; let that finish so it is not blamed on the next request
                await _host.WaitForEventsHandledAsync();
            }
            before = null;
        }

        await _host.WaitForEventsHandledAsync();
        // what the accepted requests owe Slack goes out now, fuzzed content and all
        await _host.ReleaseDeliveriesAsync();
        await _host.AssertHealthyAfterwardsAsync(tally, output, "Signed mutations");
    }
}
