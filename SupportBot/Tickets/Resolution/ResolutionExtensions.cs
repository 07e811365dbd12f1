using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Tickets.Resolution;

public static class ResolutionExtensions
{
    /// <summary>Resolution paths (seed step 9): the solve and on-hold words, and the resolution modal.</summary>
    public static IServiceCollection AddResolution(this IServiceCollection services)
    {
        services.AddSingleton<TicketResolver>();
        services.AddSingleton<IStatusSubcommand, SolveSubcommand>();
        services.AddSingleton<IStatusSubcommand, OnHoldSubcommand>();
        services.AddSingleton<IViewSubmissionHandler, ResolutionFormSubmission>();
        return services;
    }
}
