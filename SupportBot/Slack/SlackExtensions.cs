using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;
using SupportBot.Slack.Endpoints;
using SupportBot.Slack.Events;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack;

public static class SlackExtensions
{
    /// <summary>Options, request verification, handler lookup and the Web API client.</summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section)
            .PostConfigure(o =>
            {
                // Slack's own docs name these variables; accept them beside Slack__BotToken / Slack__SigningSecret.
                if (string.IsNullOrWhiteSpace(o.BotToken))
                    o.BotToken = config["SLACK_BOT_TOKEN"] ?? "";
                if (string.IsNullOrWhiteSpace(o.SigningSecret))
                    o.SigningSecret = config["SLACK_SIGNING_SECRET"] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        builder.Services.AddSingleton<VerifiedBody>();
        builder.Services.AddSingleton<SlackHandlers>();
        builder.Services.AddHttpClient<SlackApiClient>((sp, http) =>
        {
            var url = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl.ToString();
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            http.Timeout = TimeSpan.FromSeconds(15);
        })
            // the client lives in singletons (the outbox worker), so connections are recycled by the handler instead
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddHostedService<SlackEventProcessor>();
        builder.Services.AddSingleton<SlackEventInbox>();
        builder.Services.AddStoreSetup(SlackEventInbox.EnsureIndexes);
        return builder;
    }

    /// <summary>The four request URLs to give Slack, at SlackNet's paths.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").DisableAntiforgery();
        slack.MapPost("/command", CommandEndpoint.HandleAsync);
        slack.MapPost("/action", ActionEndpoint.HandleAsync);
        slack.MapPost("/event", EventEndpoint.HandleAsync);
        slack.MapPost("/options", OptionsEndpoint.HandleAsync);
        return app;
    }
}

/// <summary>Checks what data annotations cannot: shapes of ids and tokens.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        if (!options.ApiBaseUrl.IsAbsoluteUri)
            errors.Add("Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.");
        if (options.SupportTeam.Count == 0 && string.IsNullOrWhiteSpace(options.SupportGroup))
            errors.Add("Slack:SupportTeam (a list of user ids) or Slack:SupportGroup is required: nobody could /take tickets.");
        if (options.SupportTeam.Any(string.IsNullOrWhiteSpace))
            errors.Add("Slack:SupportTeam has an empty entry.");
        if (options.CollaborationChannel is { } collab && !string.IsNullOrWhiteSpace(collab) && !IsChannelId(collab))
            errors.Add($"Slack:CollaborationChannel must be a channel id (C… or G…, found in the channel's details), not '{collab}'.");
        if (!options.Commands.Take.StartsWith('/') || !options.Commands.Status.StartsWith('/'))
            errors.Add("Slack:Commands:Take and Slack:Commands:Status must start with '/'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsChannelId(string id) =>
        id.Length >= 2 && id[0] is 'C' or 'G' && id.Skip(1).All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
