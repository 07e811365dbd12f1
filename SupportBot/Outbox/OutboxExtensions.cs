using SupportBot.Health;
using SupportBot.Storage;

namespace SupportBot.Outbox;

public static class OutboxExtensions
{
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindSettings(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddSingleton<OutboxPacing>();
        builder.Services.AddSingleton<OutboxTag>();
        builder.Services.AddSingleton<OutboxDelivery>();
        builder.Services.AddSingleton<OutboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        return builder;
    }
}
