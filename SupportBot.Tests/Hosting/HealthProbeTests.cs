using SupportBot.Health;

namespace SupportBot.Tests.Hosting;

/// <summary>The container health check asks the port the app listens on, found as ASP.NET Core finds it.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null, null, null, 8080)]
    [InlineData(null, null, "9090", 9090)]
    [InlineData(null, null, "9090;9091", 9090)]
    [InlineData(null, "http://+:7070", "9090", 7070)]
    [InlineData(null, "https://+:443;http://*:7071", null, 7071)]
    [InlineData(null, "http://localhost", null, 80)]
    [InlineData(null, "http://[::]:7072/", null, 7072)]
    [InlineData("6060", "http://+:7070", "9090", 6060)]
    [InlineData("not-a-port", null, "9090", 9090)]
    public void The_probe_port_follows_the_app(string? explicitPort, string? urls, string? httpPorts, int expected)
    {
        var env = new Dictionary<string, string?>
        {
            ["HEALTHCHECK_PORT"] = explicitPort, ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = httpPorts,
        };

        Assert.Equal(expected, HealthProbe.Port(name => env.GetValueOrDefault(name)));
    }

    [Fact]
    public void The_image_sets_the_port_once_and_keeps_build_output_out_of_its_context()
    {
        var root = Tickets.DefaultCommandTests.RepoRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        var ignore = File.ReadAllLines(Path.Combine(root, ".dockerignore"));

        Assert.DoesNotContain("ASPNETCORE_URLS=", dockerfile, StringComparison.Ordinal); // would log "Overriding HTTP_PORTS"
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", dockerfile, StringComparison.Ordinal);
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/*.db", ".git/" })
            Assert.Contains(pattern, ignore);
    }
}
