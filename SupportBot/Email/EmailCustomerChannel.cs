using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Time;

namespace SupportBot.Email;

/// <summary>Answers an email ticket's customer with a mail in its thread.</summary>
public sealed class EmailCustomerChannel(IOptions<EmailOptions> options, MailStatus status) : ICustomerChannel
{
    public ConversationKind Kind => ConversationKind.Email;

    public bool CanSend => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public OutboxMessage? Compose(Ticket ticket, string text) => OutgoingMail.Reply(ticket, text);

    /// <summary>
    /// Told as queued, never as sent: the mail server may be down for hours. The triage thread says "Mailed" only once
    /// the server took it (<see cref="SmtpMailChannel.Sent"/>); a mail set aside is told there and to the engineer by DM.
    /// </summary>
    public CustomerAnswer? Answer(Ticket ticket, string text, string engineerId)
    {
        if (ticket.Via?.Address is not { Length: > 0 } address)
            return null;
        var to = SlackText.Escape(address);
        var engineer = SlackText.User(engineerId);
        var mailed = $":email: Mailed to {to}: {engineer}'s answer “{SlackText.Escape(SlackText.FirstLine(text, 60))}”";
        if (OutgoingMail.Reply(ticket, text, mailed) is not { } message)
            return null;
        var when = status.Smtp is { } failing
            ? $"The mail server is not answering (since {Durations.Stamp(failing.Since)}: {SlackText.Escape(failing.Error)}), so your answer on *#{ticket.Number}* " +
              $"is queued for {to}: it will be mailed when the mail server answers"
            : $"Your answer on *#{ticket.Number}* is queued for {to}: it is mailed as soon as the mail server takes it";
        return new CustomerAnswer(message,
            $"{when}, and the ticket's triage thread says \"Mailed\" then; if it cannot be delivered, I'll tell you by DM.",
            $"{engineer}'s answer to the customer, queued for {to}");
    }
}
