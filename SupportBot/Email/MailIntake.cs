using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Intake;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Email;

/// <summary>
/// One mail read from a mailbox: a reply (In-Reply-To/References naming a mail the bot sent, or "[#N]" in the
/// subject) joins ticket N's conversation by the thread-reply rules; any other mail from a person is a new ticket.
/// Each mail is handled once, keyed by its Message-Id.
/// </summary>
public sealed partial class MailIntake(TicketStore store, OnceIntake once, CustomerReplies replies, IOptions<EmailOptions> options, ILogger<MailIntake> logger)
{
    public enum Outcome { Ignored, Duplicate, Created, Replied }

    public Outcome Handle(MailboxOptions mailbox, uint uidValidity, uint uid, MimeMessage mail)
    {
        if (MailFilter.WhyIgnored(mail, OwnAddresses(mailbox)) is { } why)
        {
            logger.LogInformation("Mail {Uid} in {Mailbox} is not a request: {Why}", uid, mailbox.Name, why);
            return Outcome.Ignored;
        }
        var messageId = string.IsNullOrWhiteSpace(mail.MessageId) ? $"{mailbox.Name}.{uidValidity}.{uid}@supportbot" : mail.MessageId;
        var key = "email:" + messageId;
        var from = mail.From.Mailboxes.First();
        var text = MailText.Of(mail);
        // only the ticket's own requester can write into it: "[#N]" in a stranger's subject is a new request
        if (ReplyTarget(mail) is { } number && store.Find(number) is { Talks: ConversationKind.Email } replied
            && string.Equals(replied.Via!.Address, from.Address, StringComparison.OrdinalIgnoreCase))
        {
            var joined = once.Once(key, set => set.Find(number) is { Via: { } via } ticket
                ? replies.Record(set, "", Replying(ticket, via, messageId), new ConversationEntry
                {
                    Ts = "mail:" + messageId, UserId = from.Address, Text = text, At = set.Now,
                })
                : null);
            return joined is null ? Outcome.Duplicate : Outcome.Replied;
        }
        var subject = string.IsNullOrWhiteSpace(mail.Subject) ? "(no subject)" : mail.Subject.Trim();
        var via = new CustomerConversation
        {
            Kind = ConversationKind.Email, Address = from.Address, Name = string.IsNullOrWhiteSpace(from.Name) ? null : from.Name,
            Reference = messageId, LastMessageId = messageId, Subject = subject, Mailbox = mailbox.Name,
        };
        var title = subject.Length <= FormTickets.MaxSubject ? subject : subject[..(FormTickets.MaxSubject - 1)] + "…";
        var created = once.Create(key, new TicketDraft(title, text, Priority.Normal, from.Address, "", TicketSource.Email,
            RequesterName: via.Name, Via: via));
        return created is null ? Outcome.Duplicate : Outcome.Created;
    }

    /// <summary>The next answer replies to this mail.</summary>
    private static Ticket Replying(Ticket ticket, CustomerConversation via, string messageId)
    {
        via.LastMessageId = messageId;
        return ticket;
    }

    /// <summary>The ticket a reply names: a Message-Id the bot made in In-Reply-To or References, else "[#N]" in the subject.</summary>
    public static int? ReplyTarget(MimeMessage mail)
    {
        foreach (var id in mail.References.Reverse().Prepend(mail.InReplyTo ?? ""))
        {
            if (OutgoingMail.TicketOf(id) is { } n)
                return n;
        }
        var m = TicketTag().Match(mail.Subject ?? "");
        return m.Success && int.TryParse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private List<string> OwnAddresses(MailboxOptions mailbox)
    {
        var own = new List<string> { mailbox.User };
        if (MailboxAddress.TryParse(options.Value.Smtp.From, out var from))
            own.Add(from.Address);
        return own;
    }

    [GeneratedRegex(@"\[#(\d{1,9})\]")]
    private static partial Regex TicketTag();
}
