using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.CustomerView;

namespace SupportBot.Tickets.Resolution;

/// <summary>
/// What the customer and the CE hear when a ticket is solved. A security issue's link is for the team only: it is
/// never part of anything built here, so no thread, DM or card can carry it.
/// </summary>
public static class ResolutionMessages
{
    private const string Reopen = "If anything is still not right, just reply in this thread and it will reopen.";

    /// <summary>The customer's thread message for a ticket an engineer solved.</summary>
    public static string ForCustomer(Ticket ticket)
    {
        var n = $"#{ticket.Number}";
        var link = PublicLink(ticket);
        var said = ticket.Resolution?.Path switch
        {
            ResolutionPath.Workaround => $"I've marked {n} as solved with the workaround we shared. The underlying defect is tracked publicly at {link}; follow it there for the fix.",
            ResolutionPath.Defect => $"I've marked {n} as solved: the defect is identified and tracked publicly at {link}.",
            ResolutionPath.Feature => $"I've marked {n} as solved: your feature request has been filed at {link}, where you can follow it.",
            ResolutionPath.Security => $"I've marked {n} as solved: the security issue has been filed with our engineering team, who handle it privately. We'll reach out if we need anything more.",
            ResolutionPath.NoReply => $"We haven't heard back, so I've marked {n} as solved.",
            ResolutionPath.Unreachable => $"We haven't been able to reach you, so I've marked {n} as solved for now.",
            _ => $"I've marked {n} as solved.",
        };
        return $"{said} {Reopen}";
    }

    /// <summary>The link as the customer may see it (the customer view decides); null for a security issue or no link.</summary>
    public static string? PublicLink(Ticket ticket) =>
        CustomerTicketView.PublicLink(ticket) is { } link ? $"<{link}>" : null;

    /// <summary>A customer who went quiet is news for their CE (paths 3 and 6).</summary>
    public static OutboxMessage? CeHeadsUp(Ticket ticket)
    {
        if (ticket.CeId is not { } ce || ticket.Resolution is not { } r || !r.Path.CustomerWentQuiet())
            return null;
        var why = r.Path == ResolutionPath.NoReply
            ? "the customer stopped replying after our answer"
            : "the customer stopped responding while we were still working on it, despite follow-ups";
        return OutboxMessages.DirectMessage(ce, new SlackMessage(
            $"Heads-up: #{ticket.Number} _{SlackText.Escape(ticket.Subject)}_ ({SlackText.Escape(ticket.CustomerName ?? "unknown customer")}) " +
            $"was solved as *{r.Path.Word()}*: {why}. You may want to check in with them."));
    }
}
