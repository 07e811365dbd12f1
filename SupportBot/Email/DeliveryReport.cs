using System.Text.RegularExpressions;
using MimeKit;

namespace SupportBot.Email;

/// <summary>
/// A delivery status notification (RFC 3464, <c>multipart/report; report-type=delivery-status</c>): a mail server
/// telling the sender that a mail could not be delivered, or not yet. It names the mail it is about by the returned
/// message (or its headers), and each recipient with the action taken, the status code and the server's words.
/// </summary>
public sealed partial record DeliveryReport(IReadOnlyList<string> MessageIds, string? Subject, IReadOnlyList<DeliveryReport.Recipient> Recipients)
{
    /// <summary>One recipient's fate: <paramref name="Action"/> is failed, delayed, delivered, relayed or expanded.</summary>
    public sealed record Recipient(string Address, string Action, string? Status, string? Diagnostic)
    {
        public bool Failed => Action.Equals("failed", StringComparison.OrdinalIgnoreCase);

        public bool Delayed => Action.Equals("delayed", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The report in <paramref name="mail"/>, or null when it is not a delivery status notification.</summary>
    public static DeliveryReport? Read(MimeMessage mail)
    {
        if (Find(mail.Body) is not { } report)
            return null;
        var groups = report.OfType<MessageDeliveryStatus>().FirstOrDefault()?.StatusGroups ?? [];
        var returned = report.OfType<MessagePart>().FirstOrDefault()?.Message;
        var ids = new List<string>();
        void Add(string? id)
        {
            if (!string.IsNullOrWhiteSpace(id))
                ids.Add(id.Trim());
        }
        // not in RFC 3464, but several servers put the bounced mail's id in the report's own fields or headers
        foreach (var header in new[] { "Original-Message-ID", "X-Original-Message-ID" })
        {
            Add(groups.Count > 0 ? groups[0][header] : null);
            Add(mail.Headers[header]);
        }
        Add(returned?.MessageId);
        Add(mail.InReplyTo);
        foreach (var reference in mail.References)
            Add(reference);
        var recipients = groups.Skip(1)
            .Select(g => new Recipient(Value(g["Final-Recipient"] ?? g["Original-Recipient"]) ?? "", g["Action"]?.Trim() ?? "",
                g["Status"]?.Trim(), Value(g["Diagnostic-Code"])))
            .ToList();
        return new DeliveryReport(ids, returned?.Subject ?? mail.Subject, recipients);
    }

    /// <summary>
    /// The ticket whose mail this reports on: a Message-Id the bot made names it for sure; "[#N]" in the subject only
    /// when a recipient is the address the ticket writes to (<paramref name="addressOf"/>), so a stranger's report
    /// cannot be pinned on any ticket.
    /// </summary>
    public int? Ticket(Func<int, string?> addressOf)
    {
        foreach (var id in MessageIds)
        {
            if (OutgoingMail.TicketOf(id) is { } number)
                return number;
        }
        return MailIntake.TicketTagOf(Subject) is { } tagged && addressOf(tagged) is { } address
            && Recipients.Any(r => r.Address.Equals(address, StringComparison.OrdinalIgnoreCase))
            ? tagged
            : null;
    }

    /// <summary>What the status code means for the team, with what to do where that is clear (RFC 3463's classes).</summary>
    public static string Explain(string? status)
    {
        var m = StatusCode().Match(status ?? "");
        if (!m.Success)
            return "the receiving server did not take it";
        var (kind, subject, detail) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        return (subject, detail) switch
        {
            ("1", "1") => "the address does not exist: check it with the customer",
            ("1", "2") => "the address's domain does not exist or takes no mail: check the address",
            ("1", _) => "the address is not valid: check it",
            ("2", "1") => "the customer's mailbox is disabled",
            ("2", "2") => "the customer's mailbox is full",
            ("2", "3") or ("3", "4") => "the mail is larger than the receiving server accepts",
            ("4", "7") => "the receiving server could not be reached in time, and the mail server gave up",
            ("4", _) => kind == "4" ? "the receiving server cannot be reached yet; the mail server keeps trying" : "the receiving server could not be reached",
            ("7", _) => "the receiving server refused it by policy (a spam filter, or the sender is not allowed)",
            _ => kind == "4" ? "the mail server keeps trying" : "the receiving server refused it",
        };
    }

    private static MultipartReport? Find(MimeEntity? entity) => entity switch
    {
        MultipartReport report when report.ReportType?.Equals("delivery-status", StringComparison.OrdinalIgnoreCase) == true => report,
        Multipart multipart => multipart.Select(Find).FirstOrDefault(r => r is not null),
        _ => null,
    };

    /// <summary>"rfc822; dana@acme.com" → "dana@acme.com"; "smtp; 550 …" → "550 …".</summary>
    private static string? Value(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
            return null;
        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        return Regex.Replace(semicolon < 0 ? field : field[(semicolon + 1)..], @"\s+", " ").Trim();
    }

    [GeneratedRegex(@"^\s*([245])\.(\d{1,3})\.(\d{1,3})")]
    private static partial Regex StatusCode();
}
