using MimeKit;

namespace SupportBot.Email;

/// <summary>
/// Mail that must never become a ticket or a reply: auto-replies (Auto-Submitted, X-Autoreply, an out-of-office subject), bulk and list mail
/// (Precedence, List-Id), bounces (an empty Return-Path, delivery reports, mailer daemons) and the bot's own mail.
/// Answering any of them would start a mail loop or a ticket nobody asked for.
/// </summary>
public static class MailFilter
{
    private static readonly string[] Daemons = ["mailer-daemon", "postmaster"];

    /// <summary>Why the mail is ignored, or null when it is a person writing.</summary>
    public static string? WhyIgnored(MimeMessage mail, IReadOnlyCollection<string> ownAddresses)
    {
        var headers = mail.Headers;
        var from = mail.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        if (from.Length == 0)
            return "no sender";
        if (ownAddresses.Contains(from, StringComparer.OrdinalIgnoreCase))
            return "sent by the bot's own address";
        if (headers["Auto-Submitted"] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return "Auto-Submitted: " + auto.Trim();
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
            return "Precedence: " + headers["Precedence"]!.Trim();
        if (headers.Contains("List-Id") || headers.Contains("List-Unsubscribe"))
            return "list mail";
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
            return "auto-reply";
        if (AutoReplySubject.Of(MailText.Subject(mail)) is { } words)
            return $"auto-reply (its subject starts with \"{words}\")";
        if (headers["Return-Path"]?.Trim() == "<>")
            return "bounce (empty Return-Path)";
        if (mail.Body is MultipartReport || Daemons.Any(d => from.StartsWith(d + "@", StringComparison.OrdinalIgnoreCase)))
            return "delivery report";
        return null;
    }
}
