using MailKit.Security;

namespace SupportBot.Email;

/// <summary>The <c>Email</c> section: the mailboxes customers write to (support@, feedback@) and how the bot answers.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// The team's own mail domains: addresses there (and in their subdomains) are never made participants of a
    /// customer's ticket. Empty: the domain of <see cref="SmtpOptions.From"/>. Set it when From is at a shared mail
    /// provider (gmail.com), whose other users are customers.
    /// </summary>
    public List<string> TeamDomains { get; set; } = [];

    /// <summary>How often a mailbox without IDLE is polled, and how long IDLE waits before renewing.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>One IMAP mailbox: <c>Email:Mailboxes:N:{Name, Host, Port, Security, User, Password, Folder}</c>.</summary>
public sealed class MailboxOptions
{
    public string Name { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;

    /// <summary>MailKit's SecureSocketOptions: SslOnConnect (993), StartTls, StartTlsWhenAvailable, Auto or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
}

/// <summary>Outgoing mail: <c>Email:Smtp:{Host, Port, Security, User, Password, From}</c>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The address answers come from ("Acme Support &lt;support@acme.example&gt;"); also never made a ticket.</summary>
    public string From { get; set; } = "";
}
