using SupportBot.Health;
using SupportBot.Metrics;
using SupportBot.Storage;

namespace SupportBot.Outbox;

public static class OutboxExtensions
{
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindSettings(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        // read at scrape time: the outbox's own rows are the truth, no counter to drift from them
        builder.Services.AddSingleton(sp => new MetricsGauge("supportbot_outbox_pending", "Slack calls waiting in the outbox.",
            sp.GetRequiredService<OutboxStore>().CountPending));
        builder.Services.AddSingleton(sp => new MetricsGauge("supportbot_outbox_failed", "Slack calls Slack refused for good.",
            sp.GetRequiredService<OutboxStore>().CountFailed));
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddSingleton<OutboxHealing>();
        builder.Services.AddSingleton<ViewFallback>();
        builder.Services.AddSingleton<IStoreVerb, OutboxCli>();
        builder.Services.AddSingleton<OutboxPacing>();
        builder.Services.AddSingleton<OutboxTag>();
        builder.Services.AddSingleton<OutboxDelivery>();
        builder.Services.AddSingleton<OutboxAttempt>();
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddSingleton<SlackAuthProbe>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackAuthProbe>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        return builder;
    }
}
