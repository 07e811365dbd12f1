namespace SupportBot.Slack.Users;

public static class SlackUsersExtensions
{
    /// <summary>The name cache, its background lookups, and the delivery-time rewrite of mentions into names.</summary>
    public static IServiceCollection AddSlackUsers(this IServiceCollection services)
    {
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<MessageNames>();
        services.AddHostedService<UserNameWarmer>();
        return services;
    }
}
