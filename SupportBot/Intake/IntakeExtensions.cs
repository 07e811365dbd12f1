using Microsoft.Extensions.Options;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;
using SupportBot.Health;
using SupportBot.Intake.GitHub;
using SupportBot.Intake.HubSpot;
using SupportBot.Intake.OpsGenie;
using SupportBot.Intake.Webhooks;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Intake;

public static class IntakeExtensions
{
    public const string Prefix = "/intake";

    /// <summary>The webhook doors beyond Slack (GitHub, OpsGenie, HubSpot, Standard Webhooks), one class per sender.</summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IntakeOptions>().BindSettings(IntakeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();
        services.AddSingleton<FormTickets>();
        services.AddSingleton<CustomerReplies>();
        services.AddSingleton<WebhookEventProcessor, GitHubIssues>();
        services.AddSingleton<OpsGenieWebhook>();
        services.AddSingleton<HubSpotWebhook>();
        services.AddSingleton<StandardWebhook>();
        services.AddSingleton<IOutboxChannel, GitHubCommentChannel>();
        services.AddSingleton<ICustomerChannel, GitHubCustomerChannel>();
        services.AddSingleton<CustomerAnswers>();
        services.AddSingleton<IStatusSubcommand, ReplySubcommand>();
        services.AddSingleton<IShortcutHandler, SendToCustomerShortcut>();
        return builder;
    }

    /// <summary>The intake URLs under <c>/intake/</c>; bodies over 1 MB are refused before any handler runs.</summary>
    public static WebApplication MapIntake(this WebApplication app)
    {
        app.UseIntakeBodyLimit();
        var intake = app.MapGroup(Prefix).DisableAntiforgery();
        var secret = app.Services.GetRequiredService<IOptions<IntakeOptions>>().Value.GitHub.Secret;
        // without a secret Octokit would take unsigned deliveries: the door stays shut instead
        if (string.IsNullOrEmpty(secret))
            intake.MapPost(GitHubIssues.Path, () => IntakeAnswers.NotFound("GitHub intake is not set up (Intake:GitHub:Secret)."));
        else
            app.MapGitHubWebhooks(Prefix + GitHubIssues.Path, secret);
        intake.MapPost(OpsGenieWebhook.Path, (HttpContext c, OpsGenieWebhook hook) => hook.Handle(c));
        intake.MapPost(HubSpotWebhook.Path, (HttpContext c, HubSpotWebhook hook) => hook.Handle(c));
        intake.MapPost(StandardWebhook.Path, (HttpContext c, string name, StandardWebhook hook) => hook.Handle(c, name));
        return app;
    }
}
