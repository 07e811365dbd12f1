using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Discord;

public sealed class DiscordSettingsTests
{
    [Theory]
    [InlineData("Discord:HelpChannels:0", "#help", "Discord:HelpChannels:0")]
    [InlineData("Discord:SupportTeam:0", "alex#1234", "Discord:SupportTeam:0")]
    [InlineData("Discord:GatewayUrl", "https://gateway.discord.gg/", "Discord:GatewayUrl")]
    public void A_bad_Discord_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var settings = DiscordPayloads.Settings();
        settings[key] = value;
        var error = StartupErrors.Of(settings);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordPayloads.Token, error, StringComparison.Ordinal);
    }
}
