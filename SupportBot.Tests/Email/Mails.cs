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
}
