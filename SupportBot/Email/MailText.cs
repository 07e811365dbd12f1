using System.Globalization;
using System.Text;
using MimeKit;

namespace SupportBot.Email;

/// <summary>
/// What a ticket keeps of a mail: the text part (or the HTML made readable), its attachments and inline images by
/// name and size, and the same with only the reply's new words for the Slack mirror (<see cref="QuotedHistory"/>).
/// </summary>
/// <param name="Text">Everything the customer sent, for the ticket and its dashboard page.</param>
/// <param name="NewText">The new words only, for the triage thread.</param>
public sealed record MailBody(string Text, string NewText);

public static class MailText
{
    public const int MaxText = 20_000;

    public static MailBody Of(MimeMessage mail)
    {
        var text = (mail.TextBody ?? (mail.HtmlBody is { } html ? HtmlText.Of(html) : "")).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var files = Files(mail);
        return new MailBody((Capped(text) + files).Trim(), (Capped(QuotedHistory.NewText(text)) + files).Trim());
    }

    /// <summary>The subject as the customer wrote it, whatever its charset.</summary>
    public static string? Subject(MimeMessage mail) => MailCharsets.Text(mail, HeaderId.Subject) ?? mail.Subject;

    /// <summary>The sender's display name as the customer wrote it, whatever its charset; null when none.</summary>
    public static string? SenderName(MimeMessage mail)
    {
        var from = MailCharsets.Text(mail, HeaderId.From) is { } raw && InternetAddressList.TryParse(raw, out var parsed)
            ? parsed.Mailboxes.FirstOrDefault() : mail.From.Mailboxes.FirstOrDefault();
        return string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name;
    }

    private static string Capped(string text) => text.Length > MaxText ? text[..MaxText] + "…" : text;

    /// <summary>
    /// Attachments and inline parts (Apple Mail's pasted screenshot: an image in multipart/related with a
    /// Content-Id, which MimeKit does not count among <see cref="MimeMessage.Attachments"/>); never the body's text.
    /// </summary>
    private static string Files(MimeMessage mail)
    {
        var parts = mail.BodyParts.OfType<MimePart>().Where(p => p.IsAttachment || p is not TextPart).ToList();
        if (parts.Count == 0)
            return "";
        var list = new StringBuilder("\n\nAttachments:");
        foreach (var part in parts)
        {
            var name = part.FileName ?? (part.IsAttachment ? "(unnamed)" : part.ContentType.MimeType);
            list.Append(CultureInfo.InvariantCulture, $"\n• {name} ({Size(part)}{(part.IsAttachment ? "" : ", inline")})");
        }
        return list.ToString();
    }

    private static string Size(MimePart part)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        part.Content?.DecodeTo(counter);
        var bytes = counter.Length;
        return bytes switch
        {
            < 1024 => $"{bytes} B",
            < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
            _ => $"{bytes / (1024.0 * 1024):0.#} MB",
        };
    }
}
