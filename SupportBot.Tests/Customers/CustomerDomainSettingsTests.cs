using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Customers;

/// <summary>Mail domains in the settings are bare domains, each under one customer; a wrong one stops start-up naming its key.</summary>
public sealed class CustomerDomainSettingsTests
{
    [Theory]
    [InlineData("Customers:1:Domains:0", "https://globex.test/")]
    [InlineData("Customers:1:Domains:0", "@globex.test")]
    [InlineData("Email:TeamDomains:0", "support@acme.test")]
    public void A_domain_that_is_not_bare_stops_start_up_naming_the_key(string key, string value)
    {
        var error = StartupErrors.Failure(new() { ["Customers:1:Name"] = "Globex", [key] = value });
        Assert.Contains($"{key} is \"{value}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_under_two_customers_stops_start_up()
    {
        var error = StartupErrors.Failure(new()
        {
            ["Customers:0:Domains:0"] = "globex.test", ["Customers:1:Name"] = "Globex", ["Customers:1:Domains:0"] = "GLOBEX.test",
        });
        Assert.Contains("A mail domain appears under two Customers entries", error.Message, StringComparison.Ordinal);
    }
}
