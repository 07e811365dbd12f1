using Xunit.Abstractions;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// Requests that can never be genuine (bad signatures on any body; good signatures on bodies that cannot parse;
/// bodies over 1 MB) at all four endpoints: each is refused with a 4xx, and the store stays empty.
/// </summary>
public sealed class RefusedRequestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Requests = FuzzSeed.Count(2_500);
    private const int Concurrency = 4;
    private readonly FuzzHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Requests_that_cannot_be_genuine_are_refused_with_4xx_and_write_nothing()
    {
        var tally = new FuzzTally(FuzzSeed.Or(20_505));
        var generator = new RefusedRequestGenerator(new Random(tally.Seed), _host.Now);
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToList();
        foreach (var path in SlackPaths.All)
        {
            requests.Add(generator.Oversized(path, signed: true, withLength: true));
            requests.Add(generator.Oversized(path, signed: false, withLength: true));
            requests.Add(generator.Oversized(path, signed: true, withLength: false));
        }

        foreach (var batch in requests.Chunk(Concurrency))
            await Task.WhenAll(batch.Select(r => SendExpectingRefusalAsync(r, tally)));

        var store = _host.Snapshot();
        if (!store.Empty)
            tally.Fail($"refused requests wrote to the store: {store}");
        await _host.AssertHealthyAfterwardsAsync(tally, output, "Refused requests");
    }

    private async Task SendExpectingRefusalAsync(FuzzRequest request, FuzzTally tally)
    {
        var (status, body) = await _host.SendAsync(request, tally);
        if (status is > 0 and (< 400 or >= 500))
            tally.Fail(request, $"expected a refusal (4xx), got {status}: {(body.Length > 200 ? body[..200] : body)}");
    }
}
