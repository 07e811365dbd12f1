using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// A saved reply: a named text an engineer sends to a ticket's customer with <c>/ticket 12 macro NAME</c>, its
/// placeholders filled (<see cref="MacroText"/>), optionally moving the ticket to <see cref="Status"/>.
/// A class with setters, because LiteDB maps by them.
/// </summary>
public sealed class Macro
{
    public const int MaxText = 3000;
    public const int MaxName = 40;

    /// <summary>The name in lower case: one saved reply per name, whatever its case.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The status the ticket moves to once the reply is sent; null leaves it as it is.</summary>
    public TicketStatus? Status { get; set; }

    public string CreatedBy { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();
}
