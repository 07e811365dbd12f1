using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Metrics;

/// <summary>
/// <c>Metrics:Port</c>: <c>/metrics</c> answers only connections that arrived on that port, and that port answers
/// nothing else; the public listener serves it in no spelling, whatever the Host header says.
/// </summary>
public sealed class MetricsPortTests() : AppTest(new() { ["Metrics:Port"] = ManagementPort.Port.ToString(CultureInfo.InvariantCulture) })
{
    [Fact]
    public async Task Metrics_answer_on_their_own_port()
    {
        var (status, body) = await App.GetOnPortAsync(ManagementPort.Port, "/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("# TYPE", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/metrics/")]
    [InlineData("/METRICS")]
    [InlineData("/Metrics/")]
    public async Task The_public_listener_serves_no_metrics_even_to_a_faked_host(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetOnPortAsync(8080, path, host: $"localhost:{ManagementPort.Port}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/signin")]
    public async Task The_management_port_answers_nothing_but_metrics(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await App.GetOnPortAsync(ManagementPort.Port, path)).Status);
}

/// <summary>Without <c>Metrics:Port</c> nothing serves <c>/metrics</c>; with <c>Metrics:Enabled=false</c> not even the port.</summary>
public sealed class MetricsWithoutPortTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Metrics_are_not_served(string? enabled)
    {
        var settings = new Dictionary<string, string?> { ["Metrics:Enabled"] = enabled };
        if (enabled is not null)
            settings["Metrics:Port"] = ManagementPort.Port.ToString(CultureInfo.InvariantCulture);
        var app = new SupportBotApp(settings);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetOnPortAsync(ManagementPort.Port, "/metrics")).Status);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}

/// <summary>A port that cannot be one, or that is the app's own, stops the app at start with the setting named.</summary>
public sealed class MetricsPortValidationTests
{
    [Theory]
    [InlineData("70000", null, "between 1 and 65535")]
    [InlineData("0", null, "between 1 and 65535")]
    [InlineData("8080", "http://127.0.0.1:8080", "must differ from the app's own port")]
    [InlineData("8081", "http://127.0.0.1:8080;http://127.0.0.1:8081", "must differ from the app's own port")]
    public void A_bad_port_is_refused_at_start(string port, string? urls, string reason)
    {
        var app = new SupportBotApp(new() { ["Metrics:Port"] = port, ["urls"] = urls });
        try
        {
            var validator = app.Services.GetRequiredService<IStartupValidator>();

            var error = Assert.Throws<OptionsValidationException>(validator.Validate);

            Assert.Contains("Metrics:Port", error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}
