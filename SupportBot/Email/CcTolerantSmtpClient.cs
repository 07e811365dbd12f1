using MailKit.Net.Smtp;
using MimeKit;

namespace SupportBot.Email;

/// <summary>
/// An SMTP client on which a refused Cc does not sink the mail: the requester must get the answer even when a
/// participant's address is wrong (typed by hand, or its owner left the company). Only a refused To fails the send;
/// the refused copies are kept for the log.
/// </summary>
public sealed class CcTolerantSmtpClient(string to) : SmtpClient
{
    public List<string> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if (string.Equals(mailbox.Address, to, StringComparison.OrdinalIgnoreCase))
            base.OnRecipientNotAccepted(message, mailbox, response);
        else
            Refused.Add($"{mailbox.Address} ({(int)response.StatusCode} {response.Response.Trim()})");
    }
}
