using System.Diagnostics;
using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace SupportBot.Email;

/// <summary>
/// Reads one IMAP mailbox with MailKit: every mail after the stored UID (under the folder's UIDVALIDITY) is handled
/// in UID order and the cursor advanced after each, then it waits with IDLE where the server offers it, else polls.
/// </summary>
public sealed class MailboxReader(MailIntake intake, MailboxCursors cursors, MailStatus status, IOptions<EmailOptions> options, ILogger<MailboxReader> logger)
{
    /// <summary>Connects and keeps reading until cancelled or the connection fails (the watcher reconnects).</summary>
    public async Task WatchAsync(MailboxOptions mailbox, MailboxBackoff backoff, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(mailbox, backoff, cancellationToken);
        var folder = await OpenAsync(client, mailbox, cancellationToken);
        status.MailboxReading(mailbox.Name);
        while (!cancellationToken.IsCancellationRequested)
        {
            var seen = folder.Count;
            await ReadNewAsync(folder, mailbox, cancellationToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                await IdleAsync(client, folder, seen, cancellationToken);
            else
            {
                await Task.Delay(options.Value.PollInterval, cancellationToken);
                await client.NoOpAsync(cancellationToken);
            }
        }
    }

    private async Task ReadNewAsync(IMailFolder folder, MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var validity = folder.UidValidity;
        var after = cursors.After(mailbox.Name, validity);
        var started = Stopwatch.GetTimestamp();
        // "n:*" always names the newest mail, even when its UID is below n: filter, then go in order
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(after + 1), UniqueId.MaxValue)), cancellationToken))
            .Where(u => u.Id > after).OrderBy(u => u.Id).ToList();
        foreach (var uid in uids)
        {
            var mail = await folder.GetMessageAsync(uid, cancellationToken);
            intake.Handle(mailbox, validity, uid.Id, mail);
            cursors.Advance(mailbox.Name, validity, uid.Id);
        }
        if (uids.Count > 0)
            logger.LogInformation("Read {Count} mails from {Mailbox} in {Elapsed}", uids.Count, mailbox.Name, Stopwatch.GetElapsedTime(started));
    }

    /// <param name="seen">The folder's count before the last read: mail announced while reading is read now, not after IDLE.</param>
    private async Task IdleAsync(ImapClient client, IMailFolder folder, int seen, CancellationToken cancellationToken)
    {
        // IDLE ends when mail arrives, or after the poll interval so a silently dropped connection is noticed
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        done.CancelAfter(options.Value.PollInterval);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            if (folder.Count != seen)
                return;
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    private static async Task<ImapClient> ConnectAsync(MailboxOptions mailbox, MailboxBackoff backoff, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.Security, cancellationToken);
            var credentials = new NetworkCredential(mailbox.User, mailbox.Password);
            if (backoff.OneLoginAttempt)
                await LoginOnceAsync(client, credentials, cancellationToken);
            else
                await client.AuthenticateAsync(credentials, cancellationToken);
            backoff.LoggedIn();
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One login attempt. MailKit's own login tries each mechanism the server offers, then the LOGIN command: three
    /// refused logins a try against a server offering PLAIN and LOGIN, which is how accounts get locked. PLAIN is
    /// preferred since any server that stores passwords can check it; without it, the LOGIN command; where that is
    /// disabled, one mechanism the server offers.
    /// </summary>
    private static Task LoginOnceAsync(ImapClient client, NetworkCredential credentials, CancellationToken cancellationToken)
    {
        var offered = client.AuthenticationMechanisms;
        var mechanism = offered.Contains("PLAIN") ? "PLAIN"
            : client.Capabilities.HasFlag(ImapCapabilities.LoginDisabled) ? offered.Order(StringComparer.Ordinal).FirstOrDefault(SaslMechanism.IsSupported)
            : null;
        if (mechanism is not null && SaslMechanism.Create(mechanism, credentials) is { } sasl)
            return client.AuthenticateAsync(sasl, cancellationToken);
        offered.Clear(); // MailKit then goes straight to the LOGIN command
        return client.AuthenticateAsync(credentials, cancellationToken);
    }

    private static async Task<IMailFolder> OpenAsync(ImapClient client, MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        var folder = await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        return folder;
    }
}
