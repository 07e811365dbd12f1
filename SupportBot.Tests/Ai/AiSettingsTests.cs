using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Ai;

public sealed class AiSettingsTests
{
    [Theory]
    [InlineData("Ai:Endpoint", "http://localhost:11434/v1", "Ai:Model")]
    [InlineData("Ai:Model", "llama3.2:3b", "Ai:Endpoint")]
    [InlineData("Ai:Timeout", "00:00:00.100", "Ai:Timeout")]
    public void A_half_configured_model_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var error = StartupErrors.Of(new() { [key] = value, ["Ai:ApiKey"] = "sk-hidden-in-errors" });
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-hidden-in-errors", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_endpoint_the_words_say_the_feature_is_off()
    {
        var app = new SupportBotApp();
        try
        {
            var n = await app.CreateTicketAsync();
            var answer = await app.Requests.CommandAsync("/status", $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} summary", TestSettings.Engineer);
            Assert.Contains("Help from a language model is off", answer.Text, StringComparison.Ordinal);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}
