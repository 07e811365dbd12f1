using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Tests.Email;

/// <summary>
/// An IMAP server that refuses every login, the way dovecot refuses a wrong password (<c>NO [AUTHENTICATIONFAILED]</c>),
/// and counts the connections (tries) and the login attempts (AUTHENTICATE PLAIN, AUTHENTICATE LOGIN, the LOGIN
/// command) made on them. dovecot delays each refusal by seconds, growing per attempt; this one answers at once, so a
/// test can move the app's clock through half an hour of backoff.
/// </summary>
public sealed class RefusingImapServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private int _logins;

    public RefusingImapServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public int Logins => Volatile.Read(ref _logins);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            const string capabilities = "IMAP4rev1 AUTH=PLAIN AUTH=LOGIN";
            await writer.WriteLineAsync($"* OK [CAPABILITY {capabilities}] refusing every login");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var words = line.Split(' ');
                var (tag, command) = (words[0], words.Length > 1 ? words[1].ToUpperInvariant() : "");
                switch (command)
                {
                    case "CAPABILITY":
                        await writer.WriteLineAsync($"* CAPABILITY {capabilities}");
                        await writer.WriteLineAsync($"{tag} OK CAPABILITY completed");
                        break;
                    case "AUTHENTICATE":
                        // PLAIN takes one response, LOGIN two (user name, then password)
                        var rounds = words.Length > 2 && words[2].Equals("LOGIN", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
                        for (var i = 0; i < rounds; i++)
                        {
                            await writer.WriteLineAsync("+ ");
                            await reader.ReadLineAsync(_stop.Token);
                        }
                        await RefuseAsync(writer, tag);
                        break;
                    case "LOGIN":
                        await RefuseAsync(writer, tag);
                        break;
                    case "LOGOUT":
                        await writer.WriteLineAsync("* BYE");
                        await writer.WriteLineAsync($"{tag} OK LOGOUT completed");
                        return;
                    default:
                        await writer.WriteLineAsync($"{tag} BAD not here");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client hung up, or the test is over
        }
    }

    private async Task RefuseAsync(StreamWriter writer, string tag)
    {
        Interlocked.Increment(ref _logins);
        await writer.WriteLineAsync($"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
