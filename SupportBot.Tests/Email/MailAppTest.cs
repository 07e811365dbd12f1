using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Email;

/// <summary>
/// A test class with a real dovecot (IMAP), a real SMTP server and the app reading and sending through them, each
/// of its own, all disposed after each test. The mailbox is polled every 2 s, so a mail that arrives between two
/// IDLE notifications is not waited for long.
/// </summary>
public abstract class MailAppTest : IDisposable
{
    protected MailAppTest(Dictionary<string, string?>? settings = null)
    {
        var all = Imap.Settings();
        foreach (var (k, v) in Smtp.Settings())
            all[k] = v;
        all["Email:PollInterval"] = "00:00:02";
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        App = new SupportBotApp(all);
        _ = App.Services; // starts the mailbox watcher
    }

    protected Dovecot Imap { get; } = new();

    protected SmtpSink Smtp { get; } = new();

    protected SupportBotApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        App.DeleteDatabase();
        Smtp.Dispose();
        Imap.Dispose();
        GC.SuppressFinalize(this);
    }
}
