using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Email;

/// <summary>
/// A real IMAP server for the email tests: dovecot (Debian's dovecot-imapd) started in the foreground with a
/// throwaway config, maildir and a free port, since the machine has no service manager. One user, plain login.
/// </summary>
public sealed class Dovecot : IDisposable
{
    public const string User = "support@acme.test";
    public const string Password = "imap-test-password";
    private const string Binary = "/usr/sbin/dovecot";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "supportbot-dovecot-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    public Dovecot()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException("dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does this)");
        Port = FreePort.Next();
        Directory.CreateDirectory(Path.Combine(_dir, "run"));
        Directory.CreateDirectory(Path.Combine(_dir, "mail"));
        File.WriteAllText(Path.Combine(_dir, "passwd"), $"{User}:{{PLAIN}}{Password}::::::\n");
        File.WriteAllText(Config, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_dir}}/run
            state_dir = {{_dir}}/state
            log_path = {{_dir}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{_dir}}/mail/%u
            default_internal_user = dovecot
            default_login_user = dovenull
            passdb {
              driver = passwd-file
              args = {{_dir}}/passwd
            }
            userdb {
              driver = static
              args = uid=65534 gid=65534 home={{_dir}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            first_valid_uid = 1
            mail_privileged_group =
            """);
        // the mail user is nobody (dovecot refuses uid 0): let it write the throwaway maildir
        if (!OperatingSystem.IsWindows())
        {
            foreach (var dir in new[] { _dir, Path.Combine(_dir, "mail") })
                File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        }
        Start();
    }

    public int Port { get; }

    private string Config => Path.Combine(_dir, "dovecot.conf");

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", Config]) { RedirectStandardError = true, RedirectStandardOutput = true });
        // the suite's patience (see Eventually): a start is over as soon as logins work, but a busy machine slows it
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (!LoggingIn())
        {
            if (Environment.TickCount64 > deadline || _process!.HasExited)
                throw new InvalidOperationException("dovecot did not start: " + Log());
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server: every open IMAP connection drops, as in an outage.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        // the master's children (imap, imap-login) are separate processes
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (Listening() && Environment.TickCount64 < deadline)
            Thread.Sleep(50);
    }

    public string Log() => File.Exists(Path.Combine(_dir, "dovecot.log")) ? File.ReadAllText(Path.Combine(_dir, "dovecot.log")) : "";

    /// <summary>Delivers mails straight into the user's inbox over IMAP APPEND.</summary>
    public void Deliver(params MimeMessage[] mails)
    {
        using var client = new ImapClient();
        client.Connect("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        client.Authenticate(User, Password);
        foreach (var batch in mails.Chunk(200))
            client.Inbox.Append(batch.Select(m => new AppendRequest(m)).ToList<IAppendRequest>());
        client.Disconnect(true);
    }

    public Dictionary<string, string?> Settings(string name = "support") => new()
    {
        ["Email:Mailboxes:0:Name"] = name,
        ["Email:Mailboxes:0:Host"] = "127.0.0.1",
        ["Email:Mailboxes:0:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Mailboxes:0:Security"] = "None",
        ["Email:Mailboxes:0:User"] = User,
        ["Email:Mailboxes:0:Password"] = Password,
        ["Email:Mailboxes:0:Folder"] = "INBOX",
    };

    /// <summary>Ready means a login works, not just an open port: imap-login starts a moment after the listener.</summary>
    private bool LoggingIn()
    {
        try
        {
            using var client = new ImapClient { Timeout = 2000 };
            client.Connect("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
            client.Authenticate(User, Password);
            client.Inbox.Open(FolderAccess.ReadOnly);
            client.Disconnect(true);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            return false;
        }
    }

    private bool Listening()
    {
        try
        {
            using var socket = new TcpClient();
            socket.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a child still closing a file; the temp folder is cleaned by the OS
        }
    }
}
