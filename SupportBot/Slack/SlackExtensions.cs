using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Slack.Api;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Endpoints;
using SupportBot.Slack.Events;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Signing;
using SupportBot.Slack.Socket;
using SupportBot.Slack.Users;
using SupportBot.Storage;

namespace SupportBot.Slack;

public static class SlackExtensions
{
    /// <summary>Options, request verification, handler lookup and the Web API client.</summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddOptions<SlackOptions>().BindSettings(SlackOptions.Section)
            .PostConfigure(o =>
            {
                // Slack's own docs name these variables; accept them beside Slack__BotToken / Slack__SigningSecret.
                if (string.IsNullOrWhiteSpace(o.BotToken))
                    o.BotToken = config["SLACK_BOT_TOKEN"] ?? "";
                if (string.IsNullOrWhiteSpace(o.SigningSecret))
                    o.SigningSecret = config["SLACK_SIGNING_SECRET"] ?? "";
                if (string.IsNullOrWhiteSpace(o.AppToken))
                    o.AppToken = config["SLACK_APP_TOKEN"] ?? "";
                // Slack__SupportTeam=U1,U2 is a scalar the binder would silently ignore for a list
                o.SupportTeam = ListSetting.Read(config, "Slack:SupportTeam", o.SupportTeam);
                o.HelpChannels = ListSetting.Read(config, "Slack:HelpChannels", o.HelpChannels);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        builder.Services.AddSingleton<VerifiedBody>();
        builder.Services.AddSingleton<SlackHandlers>();
        builder.Services.AddSingleton<SlackAuthState>();
        builder.Services.AddSingleton<SlackReachability>();
        builder.Services.AddHealthChecks()
            .AddCheck<SlackAuthHealthCheck>("slack-auth")
            .AddCheck<SlackApiHealthCheck>("slack-api")
            .AddCheck<SocketModeHealthCheck>("slack-socket-mode")
            .AddCheck<SupportChannelHealthCheck>("slack-support-channel")
            .AddCheck<DeadLetterHealthCheck>("dead-letters");
        builder.Services.AddHostedService<SlackReachabilityProbe>();
        builder.Services.AddSingleton<SupportChannelCheck>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SupportChannelCheck>());
        builder.Services.AddSingleton<CommandDispatch>();
        builder.Services.AddSingleton<InteractionDispatch>();
        builder.Services.AddSingleton<EventDispatch>();
        builder.Services.AddSingleton<DeadLetterStore>();
        builder.Services.AddSingleton<IStoreVerb, DeadLetterCli>();
        builder.Services.AddHostedService<ReservedCommands>();
        builder.Services.AddSingleton<SocketEnvelopes>();
        builder.Services.AddSingleton<SocketModeService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        builder.Services.AddHttpClient<SlackApiClient>((sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl.ToString();
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            http.Timeout = TimeSpan.FromSeconds(15);
        })
            // the client lives in singletons (the outbox worker), so connections are recycled by the handler instead
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<SlackEventProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackEventProcessor>());
        builder.Services.AddSingleton<SlackEventInbox>();
        builder.Services.AddSlackUsers();
        return builder;
    }

    /// <summary>The four request URLs to give Slack, at SlackNet's paths.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").DisableAntiforgery();
        slack.MapPost("/command", CommandEndpoint.HandleAsync);
        slack.MapGet("/command", CommandEndpoint.Get);
        slack.MapPost("/action", ActionEndpoint.HandleAsync);
        slack.MapPost("/event", EventEndpoint.HandleAsync);
        slack.MapPost("/options", OptionsEndpoint.HandleAsync);
        return app;
    }
}
