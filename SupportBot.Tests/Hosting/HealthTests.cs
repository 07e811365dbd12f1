using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

public sealed class HealthTests : AppTest
{
    [Fact]
    public async Task Health_answers_200_when_the_app_and_store_are_ready()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["litedb"]!["status"]!.GetValue<string>());
    }
}
