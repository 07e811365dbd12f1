using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Intake;

namespace SupportBot.Rotation;

public static class RotationExtensions
{
    /// <summary>
    /// Sharing incoming work (<c>Assignment:Mode</c>): in rotation mode new requests are offered to one engineer at a
    /// time by DM with Take and Pass buttons. The sweep that makes the offers runs as a Quartz job (Scheduling).
    /// </summary>
    public static IHostApplicationBuilder AddRotation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssignmentOptions>().BindSettings(AssignmentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssignmentOptions>, AssignmentOptionsValidator>();
        services.AddSingleton<ITicketCreatedHook, RotationStart>();
        services.AddSingleton<EngineerPresence>();
        services.AddSingleton<RotationOffers>();
        services.AddSingleton<OfferSweep>();
        services.AddSingleton<IBlockActionHandler, TakeOfferButton>();
        services.AddSingleton<IBlockActionHandler, PassOfferButton>();
        return builder;
    }
}
