using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SupportBot.Tests.Infrastructure.LongChainsFirst", "SupportBot.Tests")]

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// Starts the collections whose tests run one after the other for a minute or more before the rest: only
/// maxParallelThreads collections run at once, and a long chain started late is what the whole run waits for at
/// its end. The others keep xunit's own order.
/// </summary>
public sealed class LongChainsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
        [PostgresProcessesCollection.Name, PostgresCommandLineCollection.Name, PostgresCollection.Name, Dashboard.Browser.DashboardInChromium.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var i and >= 0 ? i : Longest.Length);
}
