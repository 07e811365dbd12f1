using Microsoft.Extensions.Options;
using SupportBot.Discord.Gateway;
using SupportBot.Health;

namespace SupportBot.Discord;

public static class DiscordExtensions
{
    /// <summary>
    /// A Discord server's help channels as intake: the Gateway's events become tickets and replies, and answers go out
    /// over the REST API through the outbox. Nothing runs while Discord:BotToken is unset.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindSettings(DiscordOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        if (builder.Configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>()?.Enabled == true)
            services.AddDiscordGateway();
        return builder;
    }
}
