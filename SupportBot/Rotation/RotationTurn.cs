namespace SupportBot.Rotation;

/// <summary>What a sweep knows about the team before it opens a transaction: who is away, and how much each holds.</summary>
public sealed record TeamNow(IReadOnlyList<string> Engineers, IReadOnlySet<string> Away, IReadOnlyDictionary<string, int> OpenHeld);

/// <summary>Whose turn it is to be offered a ticket.</summary>
public static class RotationTurn
{
    /// <summary>
    /// The team in its configured order, starting at the ticket number's slot (consecutive tickets start with
    /// consecutive engineers, so work spreads), skipping who already passed or let it lapse, who is away, and who
    /// holds <paramref name="maxOpen"/> open tickets or more. Null: nobody is left.
    /// </summary>
    public static string? Next(int ticketNumber, IReadOnlyCollection<string> passed, TeamNow team, int maxOpen)
    {
        var engineers = team.Engineers;
        for (var i = 0; i < engineers.Count; i++)
        {
            var engineer = engineers[(ticketNumber + i) % engineers.Count];
            if (passed.Contains(engineer) || team.Away.Contains(engineer))
                continue;
            if (team.OpenHeld.GetValueOrDefault(engineer) >= maxOpen)
                continue;
            return engineer;
        }
        return null;
    }
}
