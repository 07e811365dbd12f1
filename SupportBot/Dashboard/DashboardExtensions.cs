using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;
using SupportBot.Dashboard.Auth;
using SupportBot.Dashboard.CsatPage;
using SupportBot.Dashboard.Data;
using SupportBot.Dashboard.Html;
using SupportBot.Health;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Dashboard;

public static class DashboardExtensions
{
    private const string AntiforgeryCookie = "supportbot_antiforgery";

    /// <summary>The team's web dashboard: sign-in by one-time links from <c>/status dashboard</c>, pages and reports.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindSettings(DashboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.AddAntiforgery(o => o.Cookie.Name = AntiforgeryCookie);
        // behind a TLS proxy the request itself is plain http, so "same as request" would leave the cookie unsecured
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<DashboardOptions>>((o, dashboard) =>
        {
            if (dashboard.Value.IsHttps)
                o.Cookie = new AlwaysSecureCookie { Name = AntiforgeryCookie, SameSite = SameSiteMode.Strict, HttpOnly = true, IsEssential = true };
        });
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

    /// <summary>
    /// <see cref="SecurityHeaders"/> on every response of the app, errors and unknown routes included: set as the
    /// response starts, so whatever answers (an endpoint, the error handler, a 404 or 405) gets them once.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.IsHttps;
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                SecurityHeaders.Apply(response, https);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        DashboardEndpoints.Map(app);
        CsatPageEndpoints.Map(app);
        return app;
    }
}
