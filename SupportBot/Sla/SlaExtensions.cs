using SupportBot.Health;
using Microsoft.Extensions.Options;
using SupportBot.Storage;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Sla;

public static class SlaExtensions
{
    /// <summary>SLA clocks on business hours: options, due-time stamping, status hooks and the sweeps the scheduler runs.</summary>
    public static IHostApplicationBuilder AddSla(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlaOptions>()
            .BindSettings(SlaOptions.Section)
            .Configure<IConfiguration>(AcceptOneEscalationId)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();

        services.AddSingleton<SlaPolicy>();
        services.AddSingleton<DueTickets>();
        services.AddSingleton<SweepFailures>();
        services.AddSingleton<SlaClocks>();
        services.AddSingleton<FirstResponseClock>();
        services.AddSingleton<PendingClock>();
        services.AddSingleton<ITicketCreatedHook>(sp => sp.GetRequiredService<FirstResponseClock>());
        services.AddSingleton<IStatusChangedHook, SlaStatusHook>();
        services.AddSingleton<ITicketsChangedHook, SlaChangesHook>();

        services.AddSingleton<SlaReminderSweep>();
        services.AddSingleton<PendingSweep>();
        services.AddSingleton<AutoCloseSweep>();
        return builder;
    }

    /// <summary>
    /// <c>Sla:EscalateTo</c> may be a single value ("S0123" or "U1 U2") rather than a list; the binder would
    /// silently ignore a scalar for a list, so split it here.
    /// </summary>
    private static void AcceptOneEscalationId(SlaOptions options, IConfiguration config)
    {
        options.EscalateTo = Slack.ListSetting.Read(config, $"{SlaOptions.Section}:{nameof(SlaOptions.EscalateTo)}", options.EscalateTo);
    }
}
