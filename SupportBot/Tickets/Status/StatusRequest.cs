using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Status;

/// <summary>
/// A parsed <c>/status</c> call handed to a subcommand: the ticket it names (already found and readable by the
/// caller), the word that chose the subcommand, and the rest of the text as typed.
/// </summary>
public sealed record StatusRequest(SlashCommand Slash, Ticket? Ticket, string Word, string Rest, bool IsTeam)
{
    /// <summary>The configured command name, for answers that tell people what to type.</summary>
    public string Command => Slash.Command;

    public string UserId => Slash.UserId;

    public Ticket RequiredTicket => Ticket ?? throw new InvalidOperationException("This subcommand works on a ticket.");
}
