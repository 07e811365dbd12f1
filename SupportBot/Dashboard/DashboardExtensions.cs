namespace SupportBot.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The team's web dashboard: options now; pages, sign-in and reports as they land.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section);
        return builder;
    }
}
