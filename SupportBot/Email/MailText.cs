using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace SupportBot.Email;

/// <summary>What a ticket keeps of a mail: the text part (or the HTML made readable) and its attachments by name and size.</summary>
public static partial class MailText
{
    public const int MaxText = 20_000;

    public static string Of(MimeMessage mail)
    {
        var text = mail.TextBody ?? (mail.HtmlBody is { } html ? Readable(html) : "");
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxText)
            text = text[..MaxText] + "…";
        var attachments = mail.Attachments.OfType<MimePart>().ToList();
        if (attachments.Count == 0)
            return text;
        var list = new StringBuilder(text).Append("\n\nAttachments:");
        foreach (var part in attachments)
            list.Append(CultureInfo.InvariantCulture, $"\n• {part.FileName ?? "(unnamed)"} ({Size(part)})");
        return list.ToString().Trim();
    }

    /// <summary>HTML as a person would read it: block ends as line breaks, tags and scripts gone, entities decoded.</summary>
    public static string Readable(string html)
    {
        var text = Hidden().Replace(html, "");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Blanks().Replace(text, "\n\n");
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim();
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

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex Blanks();
}
