using System.Collections.Concurrent;
using SupportBot.Outbox;

namespace SupportBot.Email;

/// <summary>
/// What the mail connections last did: each mailbox that cannot log in or be read, and the SMTP server while its
/// sends fail, each with the error and since when. <see cref="MailHealthCheck"/> shows it on /health, and an
/// engineer's answer by mail says so when the server is known to be failing.
/// </summary>
public sealed class MailStatus(OutboxHealing healing, TimeProvider time)
{
    /// <summary>
    /// What fails, in the operator's words (never a password), and since when it has without a success between;
    /// <paramref name="Unreachable"/> when the server did not answer at all (<see cref="SmtpProbe"/> asks it again).
    /// </summary>
    public sealed record Problem(string Error, DateTime Since, bool Unreachable = false);

    private readonly ConcurrentDictionary<string, Problem> _mailboxes = new(StringComparer.Ordinal);
    private volatile Problem? _smtp;
    private int _smtpAnswered;

    /// <summary>The mailboxes that cannot log in or be read, by name.</summary>
    public IReadOnlyDictionary<string, Problem> Mailboxes => _mailboxes;

    /// <summary>The SMTP server's failure while its last send failed (unreachable, a timeout, a 4xx, a refused login); null otherwise.</summary>
    public Problem? Smtp => _smtp;

    public void MailboxFailed(string mailbox, string error) =>
        _mailboxes.AddOrUpdate(mailbox, _ => new Problem(error, Now), (_, was) => was with { Error = error });

    /// <summary>The mailbox logged in and its folder opened.</summary>
    public void MailboxReading(string mailbox) => _mailboxes.TryRemove(mailbox, out _);

    public void SmtpFailed(string error, bool unreachable = false)
    {
        var was = _smtp;
        _smtp = new Problem(error, was?.Since ?? Now, unreachable);
    }

    /// <summary>
    /// The SMTP server answered (took a mail, or refused one for a reason of its own). The first time since the bot
    /// started or since sends failed, the mail set aside for <see cref="OutboxCauses.MailServer"/> is put back in line.
    /// </summary>
    public void SmtpAnswered()
    {
        var failed = _smtp is not null;
        _smtp = null;
        if (Interlocked.Exchange(ref _smtpAnswered, 1) == 0 || failed)
            healing.Heal(OutboxCauses.MailServer);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
