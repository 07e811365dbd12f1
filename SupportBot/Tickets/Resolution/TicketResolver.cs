using SupportBot.Tickets.Status;

namespace SupportBot.Tickets.Resolution;

/// <summary>Solves a ticket along a resolution path, through <see cref="StatusChanger"/> like every status change.</summary>
public sealed class TicketResolver(StatusChanger changer)
{
    /// <summary>What to tell the engineer; the ticket is solved only when the change is allowed.</summary>
    public (bool Solved, string Answer) Solve(int number, ResolutionChoice choice, string actorId)
    {
        var solved = false;
        var answer = changer.Change(number, TicketStatus.Solved, actorId, History(choice), actorIsTeam: true,
            alongside: (set, ticket) =>
            {
                Record(set, ticket, choice, actorId);
                solved = true;
            });
        return solved ? (true, answer + Summary(choice)) : (false, answer);
    }

    /// <summary>Records the resolution on a ticket about to be solved; also used by the Pending auto-solve.</summary>
    public static void Record(TicketChangeSet set, Ticket ticket, ResolutionChoice choice, string? actorId)
    {
        ticket.Resolution = new TicketResolution
        {
            Path = choice.Path, Link = choice.Link, Note = choice.Note, SolvedBy = actorId, At = set.Now,
        };
        if (ResolutionMessages.CeHeadsUp(ticket) is { } headsUp)
            set.Send(headsUp);
    }

    /// <summary>
    /// The history line names the path only: history is shown to the requester too, while the link may be a private
    /// one and the note is for the team (both stay in <see cref="TicketResolution"/>).
    /// </summary>
    private static string History(ResolutionChoice choice) => choice.Path.Word();

    private static string Summary(ResolutionChoice choice) =>
        $" Resolution: {choice.Path.Describe()}" + (choice.Link is null ? "." : $" ({Slack.SlackText.Escape(choice.Link)}).");
}
