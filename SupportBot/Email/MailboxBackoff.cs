namespace SupportBot.Email;

/// <summary>
/// One mailbox's pauses between tries. A refused login waits minutes (1, 2, 5, 10, then every 15): a wrong password
/// retried every few seconds locks the account at real providers, and a person must fix it anyway. A connection
/// that fails or drops waits 1 s, doubling up to a minute, and starts again at 1 s once it had been reading for that
/// long. After a refused login, until one succeeds, each try logs in once (<see cref="OneLoginAttempt"/>).
/// </summary>
public sealed class MailboxBackoff
{
    public static readonly TimeSpan[] LoginPauses =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)];

    public static readonly TimeSpan FirstConnectionPause = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxConnectionPause = TimeSpan.FromMinutes(1);

    private int _refusedLogins;
    private TimeSpan _connectionPause = FirstConnectionPause;

    /// <summary>True after a refused login until one succeeds: then each try makes exactly one login attempt.</summary>
    public bool OneLoginAttempt => _refusedLogins > 0;

    /// <summary>The server took the login.</summary>
    public void LoggedIn() => _refusedLogins = 0;

    /// <summary>The pause after a refused login; the next ones grow, whatever connection failures happen between.</summary>
    public TimeSpan LoginRefused() => LoginPauses[Math.Min(_refusedLogins++, LoginPauses.Length - 1)];

    /// <summary>The pause after a connection that failed or dropped, having been up for <paramref name="upFor"/>.</summary>
    public TimeSpan ConnectionFailed(TimeSpan upFor)
    {
        if (upFor > MaxConnectionPause)
            _connectionPause = FirstConnectionPause; // it had been working: a fresh failure
        var pause = _connectionPause;
        _connectionPause = pause * 2 > MaxConnectionPause ? MaxConnectionPause : pause * 2;
        return pause;
    }
}
