using MimeKit;

namespace SupportBot.Tests.Email;

/// <summary>Mails as customers' clients (and their auto-responders) write them.</summary>
public static class Mails
{
    public static MimeMessage From(string address, string subject, string text, string? name = "Dana Customer", string? inReplyTo = null)
    {
        var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(new MailboxAddress(name, address));
        mail.To.Add(MailboxAddress.Parse(Dovecot.User));
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test");
        if (inReplyTo is not null)
        {
            mail.InReplyTo = inReplyTo;
            mail.References.Add(inReplyTo);
        }
        return mail;
    }

    public static MimeMessage WithAttachment(MimeMessage mail, string fileName, int bytes)
    {
        var body = new BodyBuilder { TextBody = mail.TextBody };
        body.Attachments.Add(fileName, new byte[bytes]);
        mail.Body = body.ToMessageBody();
        return mail;
    }

    public static MimeMessage Html(string address, string subject, string html)
    {
        var mail = From(address, subject, "");
        mail.Body = new TextPart("html") { Text = html };
        return mail;
    }

    public static MimeMessage With(MimeMessage mail, string header, string value)
    {
        mail.Headers.Add(header, value);
        return mail;
    }

    /// <summary>
    /// A bounce as Postfix writes it (RFC 3464): a multipart/report naming the recipient, the status and the server's
    /// words, with the returned mail's headers (<paramref name="messageId"/>, <paramref name="subject"/>).
    /// </summary>
    public static MimeMessage Bounce(string recipient, string messageId, string subject, string status = "5.1.1",
        string diagnostic = "550 5.1.1 <dana@customer.test>: Recipient address rejected: User unknown in virtual mailbox table")
    {
        var raw = $"""
            Return-Path: <>
            From: MAILER-DAEMON@mx.customer.test (Mail Delivery System)
            To: {Dovecot.User}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <{Guid.NewGuid():N}@mx.customer.test>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"

            --REPORT
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host mx.customer.test.
            I'm sorry to have to inform you that your message could not be delivered to one or more recipients.

            --REPORT
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.customer.test

            Final-Recipient: rfc822; {recipient}
            Original-Recipient: rfc822;{recipient}
            Action: {(status.StartsWith('4') ? "delayed" : "failed")}
            Status: {status}
            Remote-MTA: dns; mail.customer.test
            Diagnostic-Code: smtp; {diagnostic}

            --REPORT
            Content-Type: text/rfc822-headers

            From: {SmtpSink.From}
            To: {recipient}
            Subject: {subject}
            Message-ID: <{messageId}>

            --REPORT--

            """;
        return MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n", StringComparison.Ordinal))));
    }
}
