using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Intake;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Email;

/// <summary>
/// One mail read from a mailbox: a reply (In-Reply-To/References naming a mail of ticket N, or "[#N]" in the subject)
/// from its requester or one of its participants joins ticket N's conversation by the thread-reply rules; a bounce of a mail the bot sent is told on its
/// ticket; any other mail from a person is a new ticket. Each mail is handled once, keyed by its Message-Id.
/// </summary>
public sealed partial class MailIntake(TicketStore store, IStoreGate gate, OnceIntake once, CustomerReplies replies, MailPeople people,
    IOptions<SlackOptions> slack, ILogger<MailIntake> logger)
{
    public enum Outcome { Ignored, Duplicate, Created, Replied, Bounced }

    public Outcome Handle(MailboxOptions mailbox, uint uidValidity, uint uid, MimeMessage mail)
    {
        var messageId = string.IsNullOrWhiteSpace(mail.MessageId) ? $"{mailbox.Name}.{uidValidity}.{uid}@supportbot" : mail.MessageId;
        var key = "email:" + messageId;
        if (DeliveryReport.Read(mail) is { } report)
            return Bounce(mailbox, uid, key, report);
        if (MailFilter.WhyIgnored(mail, OwnAddresses(mailbox)) is { } why)
        {
            logger.LogInformation("Mail {Uid} in {Mailbox} is not a request: {Why}", uid, mailbox.Name, why);
            return Outcome.Ignored;
        }
        var from = mail.From.Mailboxes.First();
        var text = MailText.Of(mail);
        // only the requester and the people copied on the ticket write into it. Ticket numbers are small and counted
        // up, so taking "[#N]" (or a forwarded mail's headers) from anyone else would let a stranger put words into
        // another customer's ticket, reopen it, and be copied on its answers; their mail is a new request instead,
        // which loses nothing (an engineer can add them: /ticket N participants add)
        if (ReplyTarget(mail) is { } number && store.Find(number) is { Talks: ConversationKind.Email, Via: { } known }
            && MailPeople.Speaks(known, from.Address))
        {
            var joined = once.Once(key, set => set.Find(number) is { Via: { } via } ticket
                ? Joined(set, ticket, via, mail, messageId, new ConversationEntry
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
        people.Join(via, mail);
        var title = subject.Length <= FormTickets.MaxSubject ? subject : subject[..(FormTickets.MaxSubject - 1)] + "…";
        var created = once.Create(key, new TicketDraft(title, text, Priority.Normal, from.Address, "", TicketSource.Email,
            RequesterName: via.Name, Via: via));
        return created is null ? Outcome.Duplicate : Outcome.Created;
    }

    /// <summary>
    /// A reply from the requester or a participant: the next answer replies to it, anyone it newly copies joins the
    /// participants, and the Slack mirror names who wrote.
    /// </summary>
    private Ticket? Joined(TicketChangeSet set, Ticket ticket, CustomerConversation via, MimeMessage mail, string messageId, ConversationEntry reply)
    {
        via.LastMessageId = messageId;
        if (people.Join(via, mail) is { Count: > 0 } added)
            ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = reply.UserId, What = $"Copied in by mail: {string.Join(", ", added)}" });
        var author = string.Equals(via.Address, reply.UserId, StringComparison.OrdinalIgnoreCase)
            ? null : SlackText.Escape(MailPeople.NameOf(via, reply.UserId));
        return replies.Record(set, "", ticket, reply, author);
    }

    /// <summary>
    /// A delivery report (a bounce) is never a ticket nor a reply. One about a mail the bot sent goes into that
    /// ticket's history and under its triage card: who did not get it, why in plain words, and the server's own.
    /// Any other is dropped; reports of success are only logged.
    /// </summary>
    private Outcome Bounce(MailboxOptions mailbox, uint uid, string key, DeliveryReport report)
    {
        var told = report.Recipients.Where(r => r.Failed || r.Delayed).ToList();
        var number = report.Ticket(n => store.Find(n)?.Via?.Address);
        if (told.Count == 0 || number is null || store.Find(number.Value) is not { Talks: ConversationKind.Email })
        {
            logger.LogInformation("Mail {Uid} in {Mailbox} is a delivery report {What}: dropped", uid, mailbox.Name,
                told.Count == 0 ? "of no failure" : "about no mail the bot sent");
            return Outcome.Ignored;
        }
        var recorded = once.Once(key, set =>
        {
            if (set.Find(number.Value) is not { } ticket)
                return null;
            foreach (var recipient in told)
            {
                ticket.History.Add(new TicketHistoryEntry { At = set.Now, What = $"Mail {BounceWords(recipient)}" });
                set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket, BounceNotice(ticket, recipient, report.Subject)));
            }
            set.Update(ticket);
            return ticket;
        });
        if (recorded is null)
            return Outcome.Duplicate;
        logger.LogWarning("Mail for ticket #{Ticket} to {Recipients} was not delivered: {Status}", number,
            string.Join(", ", told.Select(r => r.Address)), string.Join(", ", told.Select(r => r.Status)));
        return Outcome.Bounced;
    }

    /// <summary>"to dana@acme.com bounced: the address does not exist: check it with the customer (5.1.1: 550 5.1.1 User unknown)".</summary>
    private static string BounceWords(DeliveryReport.Recipient recipient) =>
        $"to {recipient.Address} {(recipient.Failed ? "bounced" : "is delayed")}: {DeliveryReport.Explain(recipient.Status)}" +
        $" ({string.Join(": ", new[] { recipient.Status, recipient.Diagnostic }.Where(s => !string.IsNullOrWhiteSpace(s)))})";

    private static string BounceNotice(Ticket ticket, DeliveryReport.Recipient recipient, string? subject) =>
        $"{(recipient.Failed ? ":warning:" : ":hourglass_flowing_sand:")} Mail for #{ticket.Number} {SlackText.Escape(BounceWords(recipient))}." +
        (string.IsNullOrWhiteSpace(subject) ? "" : $" The mail: “{SlackText.Quote(subject, 120)}”.") +
        (recipient.Failed ? " The customer did not get it." : "");

    /// <summary>
    /// The ticket a reply names: the newest Message-Id in In-Reply-To or References that is a mail of a ticket (one the
    /// bot sent names its ticket; a customer's mail the bot read is kept as its intake key), else "[#N]" in the subject.
    /// A colleague's reply-all to the requester's first mail thus finds the ticket before any answer went out.
    /// </summary>
    private int? ReplyTarget(MimeMessage mail)
    {
        foreach (var id in mail.References.Reverse().Prepend(mail.InReplyTo ?? "").Where(id => id.Length > 0))
        {
            if ((OutgoingMail.TicketOf(id) ?? gate.Read(s => s.IntakeKeys.Find("email:" + id))?.TicketNumber) is { } n)
                return n;
        }
        return TicketTagOf(mail.Subject);
    }

    /// <summary>The N of "[#N]" in a subject.</summary>
    public static int? TicketTagOf(string? subject)
    {
        var m = TicketTag().Match(subject ?? "");
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private List<string> OwnAddresses(MailboxOptions mailbox) => [mailbox.User, .. people.Own()];

    [GeneratedRegex(@"\[#(\d{1,9})\]")]
    private static partial Regex TicketTag();
}
