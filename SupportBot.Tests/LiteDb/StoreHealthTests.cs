using System.Net;
using System.Text.Json.Nodes;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.LiteDb;

public sealed class StoreHealthTests : AppTest
{
    [Fact]
    public async Task Health_is_200_and_healthy_when_the_store_answers()
    {
        using var response = await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_stays_200_but_degraded_while_the_store_is_busy()
    {
        HttpResponseMessage response;
        using (new BusyStore(App.Get<StoreGate>()))
            response = await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Degraded", body["status"]!.GetValue<string>());
        Assert.Equal("the store is busy", body["checks"]!["litedb"]!["description"]!.GetValue<string>());
    }
}
