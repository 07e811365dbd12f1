using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Ai;

/// <summary>The hand-off DM's pointer to <c>/ticket N summary</c>, while a model is configured and the ticket may be sent.</summary>
public sealed class HandOffSummaryLine(IOptions<AiOptions> options, IOptions<SlackOptions> slack) : IHandOffLines
{
    public string? Line(Ticket ticket) => AiRules.Refusal(options.Value, ticket, ticket.Number) is null
        ? $"`{slack.Value.Commands.Status} {ticket.Number} summary` has the language model summarise its conversation for you (only you see it)."
        : null;
}
