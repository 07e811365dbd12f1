namespace SupportBot.Tickets.Take;

/// <summary>
/// Lines a feature adds to the hand-off DM (after the ticket's context), such as how to ask for a summary. Features
/// implement it, so the hand-off does not depend on them; none registered adds nothing.
/// </summary>
public interface IHandOffLines
{
    /// <summary>A line in Slack markup (escaped by the implementer), or null for none on this ticket.</summary>
    string? Line(Ticket ticket);
}
