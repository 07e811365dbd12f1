using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Email;

/// <summary>A real SMTP server in-process (the SmtpServer package) that keeps every mail the bot sends.</summary>
public sealed class SmtpSink : IDisposable
{
    public const string From = "Acme Support <support@acme.test>";

    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private readonly SmtpServer.SmtpServer _server;

    public SmtpSink(int? port = null)
    {
        Port = port ?? FreePort.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Mails => [.. _store.Mails];

    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:From"] = From,
    };

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> where, int count = 1, int timeoutMs = Eventually.PatienceMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var found = Mails.Where(where).ToList();
            if (found.Count >= count || Environment.TickCount64 > deadline)
                return found;
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        _stop.Dispose();
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
