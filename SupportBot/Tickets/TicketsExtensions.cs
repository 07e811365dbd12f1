using SupportBot.Health;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Storage;
using SupportBot.Tickets.CustomerView;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Resolution;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Status.Subcommands;
using SupportBot.Tickets.Take;

namespace SupportBot.Tickets;

public static class TicketsExtensions
{
    /// <summary>Tickets and every Slack interaction that works on them, registered here in one place.</summary>
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TicketStore>();
        services.AddSingleton<CustomerMessages>();
        services.AddSingleton<OpenTickets>();
        services.AddSingleton<OpenTicketsLoading>();
        services.AddSingleton<OpenTicketsLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<OpenTicketsLoader>());
        services.AddSingleton<IStartupLoad>(sp => sp.GetRequiredService<OpenTicketsLoader>());
        services.AddHealthChecks().AddCheck<OpenTicketsHealthCheck>("open-tickets", tags: [HealthTags.Ready]);
        services.AddSingleton<SupportTeam>();
        services.AddSingleton<TicketIntake>();
        services.AddSingleton<TicketTaker>();
        services.AddSingleton<TakeSummary>();
        services.AddSingleton<TicketContext>();
        services.AddSingleton<TicketHandOff>();
        services.AddSingleton<StatusChanger>();
        services.AddSingleton<StatusView>();
        services.AddSingleton<CustomerViews>();
        services.AddSingleton<FormOpener>();
        services.AddSingleton<OnceIntake>();
        services.AddSingleton<ITicketAddresses, TicketAddresses>();
        services.AddSingleton<IUndeliveredNotices, UndeliveredNotices>();
        services.AddSingleton<IStatusChangedHook, TicketMetricsHook>();

        services.AddSingleton<ISlashCommandHandler, TakeCommand>();
        services.AddSingleton<ISlashCommandHandler, StatusCommand>();
        // /status words, in the order help lists them
        services.AddSingleton<IStatusSubcommand, ChangeStatusSubcommand>();
        services.AddResolution();
        services.AddSingleton<IStatusSubcommand, SetupSubcommand>();
        services.AddSingleton<IBlockActionHandler, OpenRequestFormButton>();
        services.AddSingleton<IBlockActionHandler, TakeButton>();
        services.AddSingleton<IShortcutHandler, CreateTicketShortcut>();
        services.AddSingleton<IViewSubmissionHandler, RequestFormSubmission>();
        return builder;
    }
}
