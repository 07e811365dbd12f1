using SupportBot.Slack.Interactions;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Home;

public static class HomeExtensions
{
    /// <summary>The engineers' App Home tab: published on open, kept current as their tickets change.</summary>
    public static IHostApplicationBuilder AddHome(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<HomeTabs>();
        services.AddSingleton<HomePublisher>();
        services.AddSingleton<ITicketsChangedHook, HomeTicketsHook>();
        services.AddSingleton<IEventHandler, AppHomeOpenedHandler>();
        services.AddSingleton<IBlockActionHandler, TakeNextButton>();
        services.AddSingleton<HomeRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<HomeRefresher>());
        return builder;
    }
}
