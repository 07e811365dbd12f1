namespace SupportBot.Customers;

/// <summary>A customer from the <c>Customers</c> settings: the channels they ask in, their tier and their CE.</summary>
public sealed class Customer
{
    public string Name { get; set; } = "";
    public List<string> Channels { get; set; } = [];
    public string? Tier { get; set; }

    /// <summary>The customer engineer's user id, looped in when a ticket is taken.</summary>
    public string? Ce { get; set; }

    /// <summary>What an engineer should know before answering (contract, environment, quirks).</summary>
    public string? Notes { get; set; }
}
