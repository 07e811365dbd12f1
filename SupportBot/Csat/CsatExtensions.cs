using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;
using SupportBot.Health;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Csat;

public static class CsatExtensions
{
    /// <summary>
    /// Customer satisfaction: the question on solve, the three rating buttons and the comment modal, and the signed
    /// links for mail and GitHub customers (their page is served by the Dashboard, which implements <see cref="ICsatPageAddress"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCsat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CsatOptions>().BindSettings(CsatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CsatOptions>, CsatOptionsValidator>();
        services.AddSingleton<CsatRecorder>();
        services.AddSingleton<CsatLinkSigner>();
        services.AddSingleton<CsatLinkQuestion>();
        services.AddSingleton<IStatusChangedHook, CsatStatusHook>();
        foreach (var rating in Enum.GetValues<CsatRating>())
            services.AddSingleton<IBlockActionHandler>(sp => ActivatorUtilities.CreateInstance<CsatButton>(sp, rating));
        services.AddSingleton<IViewSubmissionHandler, CsatCommentForm>();
        return builder;
    }
}
