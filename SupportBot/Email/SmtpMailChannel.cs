using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Email;

/// <summary>
/// Sends the outbox's mails over SMTP, threaded into the customer's conversation. A 5xx answer about the mail is
/// final (set aside at once, the team told with the server's words); a server that does not answer, answers 4xx or
/// refuses the bot's login is retried, and once it takes a mail again the mail set aside meanwhile goes out too.
/// </summary>
public sealed class SmtpMailChannel(IOptions<EmailOptions> options, IOptions<SlackOptions> slack, MailStatus status,
    ILogger<SmtpMailChannel> logger) : IOutboxChannel
{
    public string Method => OutgoingMail.Method;

    // the copies the server refused, from SendAsync to the Sent that follows it in the same delivery; a crash between
    // the two loses only the notice (the warning is logged)
    private readonly ConcurrentDictionary<long, List<string>> _refusedCopies = new();

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var outgoing = OutgoingMail.Read(message);
        var mail = Build(outgoing, MailboxAddress.Parse(smtp.From));
        try
        {
            using var client = new CcTolerantSmtpClient(outgoing.To) { Timeout = 30_000 };
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            if (client.Refused.Count > 0)
            {
                _refusedCopies[message.Id] = client.Refused;
                logger.LogWarning("Outbox #{Id}: mailed to {To}, but the mail server refused the copies to {Refused}",
                    message.Id, outgoing.To, string.Join(", ", client.Refused));
            }
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode != SmtpErrorCode.SenderNotAccepted)
        {
            status.SmtpAnswered(); // the server works: it refused this mail
            var code = (int)e.StatusCode;
            var what = e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? e.Mailbox?.Address ?? outgoing.To : $"the mail to {outgoing.To}";
            throw new OutboxChannelException($"smtp_{code}", $"the mail server refused {what}: {code} {e.Message.Trim()}", permanent: true, inner: e);
        }
        catch (SmtpCommandException e)
        {
            // 4xx: try later; a refused sender is the bot's own setting, the same for every mail until it is fixed
            var code = (int)e.StatusCode;
            var said = $"{code} {e.Message.Trim()}";
            status.SmtpFailed(said);
            throw e.ErrorCode == SmtpErrorCode.SenderNotAccepted
                ? new OutboxChannelException($"smtp_{code}", $"the mail server refused the sender {mail.From}: {said}; check Email:Smtp:From",
                    permanent: true, OutboxCauses.MailServer, e)
                : new OutboxChannelException($"smtp_{code}", $"the mail server did not take the mail to {outgoing.To} ({said}) as long as the bot tried; {WhenBack}",
                    permanent: false, OutboxCauses.MailServer, e);
        }
        catch (AuthenticationException e)
        {
            status.SmtpFailed($"refused the bot's login: {e.Message}");
            throw new OutboxChannelException("smtp_auth",
                $"the mail server {smtp.Host}:{smtp.Port} refused the bot's login ({e.Message}): check Email:Smtp:User and Email:Smtp:Password; {WhenBack}",
                permanent: false, OutboxCauses.MailServer, e);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or ProtocolException or SslHandshakeException
                                      || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            status.SmtpFailed($"{smtp.Host}:{smtp.Port} does not answer: {e.Message}", unreachable: true);
            throw new OutboxChannelException("smtp_unreachable",
                $"the mail server {smtp.Host}:{smtp.Port} did not answer ({e.Message}) as long as the bot tried; {WhenBack}",
                permanent: false, OutboxCauses.MailServer, e);
        }
        status.SmtpAnswered();
    }

    private const string WhenBack = "it is sent as soon as the mail server takes mail again";

    /// <summary>
    /// An answer's "mailed" line, and any copy the server refused, go under the triage card in the commit that retires
    /// the mail.
    /// </summary>
    public void Sent(IStoreSession session, OutboxMessage message, DateTime now)
    {
        var refused = _refusedCopies.TryRemove(message.Id, out var copies) ? copies : [];
        if (message.TicketNumber is not { } number || session.Tickets.Find(number) is not { } ticket)
            return;
        if (OutgoingMail.Read(message).Mailed is { } line)
            OutboxStore.Enqueue(session, TriageThread.Post(slack.Value.SupportChannel, ticket, line), now);
        if (refused.Count > 0)
            OutboxStore.Enqueue(session, TriageThread.Post(slack.Value.SupportChannel, ticket,
                $":warning: The mail for #{number} reached {SlackText.Escape(OutgoingMail.Read(message).To)}, but the mail server refused the copy to " +
                $"{SlackText.Escape(string.Join(", ", refused))}. Check the address: `{slack.Value.Commands.Status} {number} participants`."), now);
    }

    public static MimeMessage Build(OutgoingMail mail, MailboxAddress from)
    {
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Text } };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        foreach (var copied in mail.Cc)
            message.Cc.Add(new MailboxAddress(copied.Name, copied.Address));
        message.MessageId = $"{mail.IdLocalPart}@{from.Domain}";
        if (mail.InReplyTo is { Length: > 0 } inReplyTo)
            message.InReplyTo = inReplyTo;
        foreach (var reference in mail.References)
            message.References.Add(reference);
        return message;
    }
}
