using System.Net;
using Microsoft.AspNetCore.Http;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Metrics;

/// <summary>
/// Requests as if they arrived on a given local port: the test server has no sockets, so the connection's port is
/// set on the request the way Kestrel sets it from the socket (a Host header cannot change it).
/// </summary>
public static class ManagementPort
{
    public const int Port = 9464;

    public static async Task<(HttpStatusCode Status, string Body)> GetOnPortAsync(this SupportBotApp app, int localPort, string path,
        string? host = null)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            if (host is not null)
                c.Request.Host = new HostString(host);
            c.Connection.LocalPort = localPort;
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
