using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Outbox;

namespace SupportBot.Email;

/// <summary>Sends the outbox's mails over SMTP, threaded into the customer's conversation.</summary>
public sealed class SmtpMailChannel(IOptions<EmailOptions> options) : IOutboxChannel
{
    public string Method => OutgoingMail.Method;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var mail = Build(OutgoingMail.Read(message), MailboxAddress.Parse(smtp.From));
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    public static MimeMessage Build(OutgoingMail mail, MailboxAddress from)
    {
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Text } };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.MessageId = $"{mail.IdLocalPart}@{from.Domain}";
        if (mail.InReplyTo is { Length: > 0 } inReplyTo)
            message.InReplyTo = inReplyTo;
        foreach (var reference in mail.References)
            message.References.Add(reference);
        return message;
    }
}
