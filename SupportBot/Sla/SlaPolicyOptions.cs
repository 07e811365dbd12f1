using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>One of Sla:Policies: which tickets it covers and its targets in business time.</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>Shown with the targets; blank: "policy N".</summary>
    public string? Name { get; set; }

    public SlaPolicyMatch Match { get; set; } = new();

    /// <summary>Left out: the default first-response target of the ticket's priority (and tier).</summary>
    public TimeSpan? FirstResponse { get; set; }

    /// <summary>Left out: no next-reply clock for these tickets.</summary>
    public TimeSpan? NextReply { get; set; }

    /// <summary>Left out: no resolution clock for these tickets.</summary>
    public TimeSpan? Resolution { get; set; }
}

/// <summary>Every field given must match (any case); a policy without any matches every ticket.</summary>
public sealed class SlaPolicyMatch
{
    public string? Tier { get; set; }

    /// <summary>Urgent, High, Normal or Low (a string, so a typo is named at start-up instead of failing the binder).</summary>
    public string? Priority { get; set; }

    /// <summary>The customer's name as in Customers:N:Name.</summary>
    public string? Customer { get; set; }

    public bool Matches(Ticket ticket) =>
        Fits(Tier, ticket.Tier) && Fits(Priority, ticket.Priority.ToString()) && Fits(Customer, ticket.CustomerName);

    private static bool Fits(string? wanted, string? actual) =>
        string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), actual?.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The targets that apply to one ticket, and the policy they come from (null: the default settings).</summary>
public sealed record SlaTargets(string? Policy, TimeSpan FirstResponse, TimeSpan? NextReply, TimeSpan? Resolution);
