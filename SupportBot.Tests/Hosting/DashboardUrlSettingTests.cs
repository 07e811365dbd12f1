using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

/// <summary><c>Dashboard:PublicUrl</c> starts every sign-in link: without a scheme the links would not open.</summary>
public sealed class DashboardUrlSettingTests
{
    [Theory]
    [InlineData("support.example.com")]
    [InlineData("support.example.com:8443")]
    [InlineData("ftp://support.example.com")]
    public void A_dashboard_url_without_an_http_scheme_stops_start_up_naming_the_key(string value)
    {
        var error = StartupErrors.Failure(new() { ["Dashboard:PublicUrl"] = value });

        Assert.Contains("Dashboard:PublicUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
