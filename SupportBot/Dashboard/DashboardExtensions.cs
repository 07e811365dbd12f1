using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;
using SupportBot.Dashboard.Auth;
using SupportBot.Dashboard.CsatPage;
using SupportBot.Dashboard.Data;
using SupportBot.Health;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The team's web dashboard: sign-in by one-time links from <c>/status dashboard</c>, pages and reports.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindSettings(DashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddAntiforgery(o => o.Cookie.Name = "supportbot_antiforgery");
        services.AddSingleton<ITicketPages, DashboardTicketPages>();
        services.AddSingleton<SignIns>();
        services.AddSingleton<DashboardUser>();
        services.AddSingleton<TicketFacts>();
        services.AddSingleton<ITicketsCommitted, FactsHook>();
        services.AddHostedService<FactsWarmUp>();
        services.AddSingleton<IStatusSubcommand, DashboardSubcommand>();
        services.AddSingleton<ICsatPageAddress, CsatPageAddress>();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        DashboardEndpoints.Map(app);
        CsatPageEndpoints.Map(app);
        return app;
    }
}
