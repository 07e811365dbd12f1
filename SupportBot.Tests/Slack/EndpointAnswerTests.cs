using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

public sealed class EndpointAnswerTests : AppTest
{
    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";
        var response = await Requests.PostSignedAsync("/slack/event", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_callback_is_acknowledged_with_200()
    {
        var response = await Requests.EventAsync(new JsonObject { ["type"] = "app_mention", ["user"] = "U_X", ["text"] = "hi", ["channel"] = "C_X", ["ts"] = "1.2" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_helpful_ephemeral_answer()
    {
        var answer = await Requests.CommandAsync("/frobnicate", "now", TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("ephemeral", JsonNode.Parse(answer.Body)!["response_type"]!.GetValue<string>());
        Assert.Contains("/frobnicate", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/take", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/status", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_answers_are_ephemeral_json()
    {
        var answer = await Requests.CommandAsync("/status", "", TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("ephemeral", JsonNode.Parse(answer.Body)!["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_names_match_in_any_case()
    {
        var answer = await Requests.CommandAsync("/STATUS", "", TestSettings.Engineer);
        Assert.Contains("queue", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_options_endpoint_offers_no_options()
    {
        var body = "payload=" + Uri.EscapeDataString("""{"type":"block_suggestion","user":{"id":"U_ENG1"},"value":"ac"}""");
        var response = await Requests.PostSignedAsync("/slack/options", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["options"]!.AsArray());
    }
}
