using SupportBot.Slack.Interactions;
using SupportBot.Storage;
using SupportBot.Tickets.Status;
using SupportBot.Work.Customers;
using SupportBot.Work.Escalation;
using SupportBot.Work.Fields;
using SupportBot.Work.Links;
using SupportBot.Work.Notes;
using SupportBot.Work.Tasks;
using SupportBot.Work.Team;

namespace SupportBot.Work;

public static class WorkExtensions
{
    /// <summary>
    /// Working a ticket between take and solved: internal notes, priority, requester, Tasks, escalation to the
    /// collaboration channel, merging duplicates and linking related tickets, the team's workload, and editing customer records. The hand-off lives with <c>/take</c> (Tickets/Take).
    /// </summary>
    public static IHostApplicationBuilder AddWork(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // /status words, in the order help lists them (after the status words of AddTickets)
        services.AddSingleton<IStatusSubcommand, NoteSubcommand>();
        services.AddSingleton<IStatusSubcommand, PrioritySubcommand>();
        services.AddSingleton<IStatusSubcommand, RequesterSubcommand>();
        services.AddSingleton<IStatusSubcommand, TaskSubcommand>();
        services.AddSingleton<IStatusSubcommand, EscalateSubcommand>();
        services.AddSingleton<IStatusSubcommand, MyTasksSubcommand>();
        services.AddSingleton<IStatusSubcommand, TeamSubcommand>();
        services.AddSingleton<IStatusSubcommand, CustomerSubcommand>();
        services.AddSingleton<TicketMerger>();
        services.AddSingleton<RelatedTickets>();
        services.AddSingleton<IStatusSubcommand, MergeSubcommand>();
        services.AddSingleton<IStatusSubcommand, LinkSubcommand>();
        services.AddSingleton<IViewSubmissionHandler, CustomerFormSubmission>();

        services.AddSingleton<IShortcutHandler, AddNoteShortcut>();
        // keyed on the message (channel + ts), so an event re-run after a failure never records twice
        services.AddSingleton<IEventHandler, TriageThreadNoteHandler>();
        services.AddSingleton<IEventHandler, EscalationReplyHandler>();
        return builder;
    }
}
