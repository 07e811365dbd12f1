using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Outbox;
using SupportBot.Tickets;

namespace SupportBot.Email;

/// <summary>A mail the bot owes a customer, queued in the outbox and sent over SMTP by <see cref="SmtpMailChannel"/>.</summary>
public sealed partial record OutgoingMail(string To, string? ToName, string Subject, string Text, string IdLocalPart,
    string? InReplyTo, List<string> References)
{
    public const string Method = "email.send";

    /// <summary>The requester's colleagues on the thread (the ticket's participants), copied on the mail.</summary>
    public List<MailParticipant> Cc { get; init; } = [];

    /// <summary>The line (mrkdwn) said under the ticket's triage card once the mail server took this mail; null: none.</summary>
    public string? Mailed { get; init; }

    /// <summary>
    /// An answer in the ticket's email thread, To the requester and Cc the participants: "[#N]" in the subject,
    /// In-Reply-To the customer's latest mail, and a Message-Id naming the ticket, so the customer's reply finds it even if the subject is rewritten.
    /// The id is fixed when queued, so a retried send is the same mail.
    /// </summary>
    public static OutboxMessage? Reply(Ticket ticket, string text, string? mailed = null)
    {
        if (ticket.Via?.Address is not { Length: > 0 } address)
            return null;
        var references = new List<string>();
        foreach (var id in new[] { ticket.Via.Reference, ticket.Via.LastMessageId })
        {
            if (id is { Length: > 0 } && !references.Contains(id))
                references.Add(id);
        }
        var mail = new OutgoingMail(address, ticket.Via.Name, ReplySubject(ticket), text,
            $"supportbot.{ticket.Number.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}", ticket.Via.LastMessageId ?? ticket.Via.Reference, references)
        {
            Mailed = mailed, Cc = [.. ticket.Via.Participants],
        };
        // named in a notice if it is set aside; an engineer's answer says so (CustomerMessages.Answer)
        return new OutboxMessage { Lane = "email:" + address, Method = Method, Args = JsonSerializer.Serialize(mail), Purpose = OutboxPurposes.CustomerMessage };
    }

    public static OutgoingMail Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<OutgoingMail>(message.Args) ?? throw new InvalidOperationException($"outbox #{message.Id} has no mail");

    /// <summary>The ticket a Message-Id the bot made belongs to (In-Reply-To/References of a customer's reply).</summary>
    public static int? TicketOf(string messageId)
    {
        var m = BotMessageId().Match(messageId);
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string ReplySubject(Ticket ticket)
    {
        var tag = $"[#{ticket.Number.ToString(CultureInfo.InvariantCulture)}]";
        var subject = ticket.Via?.Subject is { Length: > 0 } s ? s : ticket.Subject;
        if (subject.Contains(tag, StringComparison.Ordinal))
            return subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        return $"Re: {tag} {subject}";
    }

    [GeneratedRegex(@"^<?supportbot\.(\d+)\.[0-9a-f]+@", RegexOptions.IgnoreCase)]
    private static partial Regex BotMessageId();
}
