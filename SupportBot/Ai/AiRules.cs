using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary>Whether a ticket may be sent to the model at all: asked when a request is made, and again when it runs.</summary>
public static class AiRules
{
    /// <summary>Why not, in words for the engineer; null when it may.</summary>
    public static string? Refusal(AiOptions options, Ticket? ticket, int number) =>
        !options.Enabled ? AiOptions.Off
        : ticket is null ? $"There is no ticket #{number}."
        : TicketPrompt.IsSecurity(ticket) ? $"#{number} is on the security path (solved as security, or tagged `{TicketPrompt.SecurityTag}`): nothing of it is ever sent to a language model."
        : null;
}
