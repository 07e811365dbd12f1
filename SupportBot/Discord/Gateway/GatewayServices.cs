namespace SupportBot.Discord.Gateway;

public static class GatewayServices
{
    /// <summary>The Gateway client, its status and the "discord" health check; called only with Discord:BotToken set.</summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.AddSingleton<DiscordGatewayStatus>();
        services.AddSingleton<GatewayStoppedNotice>();
        services.AddSingleton<DiscordGateway>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordGateway>());
        services.AddHealthChecks().AddCheck<DiscordGatewayHealthCheck>("discord");
        return services;
    }
}
