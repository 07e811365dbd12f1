using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 at a free port, for fakes the app reaches over the network.</summary>
public static class LoopbackServer
{
    private static readonly Lazy<string> EmptyRoot = new(() => Directory.CreateTempSubdirectory("supportbot-loopback-").FullName);

    /// <summary>Starts a server with the endpoints <paramref name="map"/> adds; its address has no trailing slash.</summary>
    public static async Task<(WebApplication Server, string Address)> StartAsync(Action<WebApplication> map)
    {
        // an empty content root and no reload: a host watches its content root's whole tree for appsettings changes,
        // and the temp folder (the old root here) holds every test's stores and indexes, so each fake walked and then
        // woke on thousands of folders and writes: the whole suite ran 3x slower in kernel time
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = EmptyRoot.Value,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        map(server);
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (server, address.TrimEnd('/'));
    }
}
