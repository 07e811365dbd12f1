using Microsoft.Extensions.Options;
using SupportBot.Discord.Gateway;
using SupportBot.Discord.Intake;
using SupportBot.Discord.Outgoing;
using SupportBot.Discord.Rest;
using SupportBot.Health;
using SupportBot.Outbox;
using SupportBot.Tickets;

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
        services.AddSingleton<DiscordChannels>();
        services.AddSingleton<DiscordRateLimits>();
        services.AddHttpClient<DiscordRestClient>(DiscordRestClient.HttpClientName, http =>
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/supportbot, 1.0)"));
        services.AddSingleton<IOutboxChannel, DiscordPostChannel>();
        services.AddSingleton<ICustomerChannel, DiscordCustomerChannel>();
        services.AddSingleton<DiscordRequests>();
        services.AddSingleton<DiscordReplies>();
        services.AddSingleton<DiscordEdits>();
        services.AddSingleton<IDiscordDispatchHandler, DiscordEvents>();
        if (builder.Configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>()?.Enabled == true)
            services.AddDiscordGateway();
        return builder;
    }
}
