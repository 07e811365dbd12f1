using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Email;

/// <summary>
/// A real SMTP server in-process (the SmtpServer package) that keeps every mail the bot sends, and answers
/// <c>550</c> for the recipients a test makes it <see cref="Refuse"/>.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string From = "Acme Support <support@acme.test>";

    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private readonly Recipients _recipients = new();
    private readonly SmtpServer.SmtpServer _server;

    public SmtpSink(int? port = null)
    {
        Port = port ?? FreePort.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(_recipients);
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Mails => [.. _store.Mails];

    /// <summary>From now on RCPT TO <paramref name="address"/> is answered "550 <paramref name="words"/>", as a server without that mailbox does.</summary>
    public void Refuse(string address, string words = "User unknown") => _recipients.Refused[address] = words;

    /// <summary>How many RCPT TO commands named <paramref name="address"/>: one per delivery attempt.</summary>
    public int Attempts(string address) => _recipients.Attempts.TryGetValue(address, out var n) ? n : 0;

    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:From"] = From,
    };

    /// <summary>Waits for <paramref name="count"/> matching mails; throws when they do not come rather than returning fewer.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> where, int count = 1)
    {
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (true)
        {
            var found = Mails.Where(where).ToList();
            if (found.Count >= count)
                return found;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"waited {Eventually.PatienceMs / 1000} s for {count} matching mail(s); got {found.Count}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        _stop.Dispose();
    }

    private sealed class Recipients : IMailboxFilter
    {
        public ConcurrentDictionary<string, string> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentDictionary<string, int> Attempts { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken)
        {
            var address = SmtpServer.Mail.MailboxExtensionMethods.AsAddress(to);
            Attempts.AddOrUpdate(address, 1, (_, n) => n + 1);
            if (Refused.TryGetValue(address, out var words))
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, words));
            return Task.FromResult(true);
        }
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Mails { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Mails.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
