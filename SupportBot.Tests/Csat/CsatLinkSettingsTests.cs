using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Csat;

/// <summary>The link settings are checked at start; a refused secret is named, never shown.</summary>
public sealed class CsatLinkSettingsTests
{
    [Theory]
    [InlineData("Csat:LinkSecret", "short-secret-7f3a")]
    [InlineData("Csat:LinkLifetime", "00:00:30")]
    public void A_bad_link_setting_stops_start_up_naming_the_key(string key, string value)
    {
        var error = StartupErrors.Failure(new() { [key] = value });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-7f3a", error.Message, StringComparison.Ordinal);
    }
}
