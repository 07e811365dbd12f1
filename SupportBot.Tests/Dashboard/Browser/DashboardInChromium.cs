namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>One seeded app and one Chromium for every class that drives the dashboard in the browser: each costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardInChromium : ICollectionFixture<SeededDashboard>
{
    public const string Name = "dashboard in Chromium";
}
