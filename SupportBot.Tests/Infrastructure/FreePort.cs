using System.Net;
using System.Net.Sockets;

namespace SupportBot.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on, for the real servers the tests start (IMAP, SMTP, GitHub's API).</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
