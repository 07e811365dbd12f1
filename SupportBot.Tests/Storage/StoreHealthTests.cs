using System.Net;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Storage;

public sealed class StoreHealthTests : AppTest
{
    [Fact]
    public async Task Health_is_200_and_healthy_when_the_store_answers()
    {
        using var response = await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_stays_200_but_degraded_while_the_store_is_busy()
    {
        var gate = App.Get<StoreGate>();
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var busy = Task.Run(() => gate.Write(_ =>
        {
            holding.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return 0;
        }));
        holding.Wait(TimeSpan.FromSeconds(10));

        using var response = await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        release.Set();
        await busy;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }
}
