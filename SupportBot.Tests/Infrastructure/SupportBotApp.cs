using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Slack.Api;
using SupportBot.Storage;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP (WebApplicationFactory), on a real LiteDB file of its own, with Slack's Web API
/// replaced by <see cref="FakeSlackApi"/> and the clock by a <see cref="FakeTimeProvider"/>.
/// Pass the same <see cref="DbPath"/> to a second instance to play a restart.
/// </summary>
public sealed class SupportBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public SupportBotApp(Dictionary<string, string?>? settings = null, string? dbPath = null, FakeSlackApi? slack = null,
        FakeTimeProvider? time = null, FillableDisk? disk = null)
    {
        Disk = disk;
        DbPath = dbPath ?? Path.Combine(Path.GetTempPath(), $"supportbot-test-{Guid.NewGuid():N}.db");
        Slack = slack ?? new FakeSlackApi();
        Time = time ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        Slack.Clock = Time;
        _settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = TestSettings.Token,
            ["Slack:SigningSecret"] = TestSettings.Secret,
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:SupportChannel"] = TestSettings.SupportChannel,
            ["Slack:SupportTeam:0"] = TestSettings.Engineer,
            ["Slack:SupportTeam:1"] = TestSettings.Engineer2,
            ["Slack:HelpChannels:0"] = TestSettings.HelpChannel,
            ["ConnectionStrings:LiteDb"] = $"Filename={DbPath}",
            ["Customers:0:Name"] = "Acme Corp",
            ["Customers:0:Channels:0"] = TestSettings.CustomerChannel,
            ["Customers:0:Tier"] = "Enterprise",
            ["Customers:0:Ce"] = TestSettings.Ce,
            ["Customers:0:Notes"] = "Self-hosted, 3 replicas",
            ["Logging:LogLevel:Default"] = "Warning",
            // the fake clock stands still, so paced posts would wait for a test to move it; the fault suite paces
            ["Outbox:PerChannelInterval"] = "00:00:00",
        };
        foreach (var (k, v) in settings ?? [])
            _settings[k] = v;
    }

    public string DbPath { get; }

    /// <summary>When set, the store's writes go through this disk, which a test can fill.</summary>
    public FillableDisk? Disk { get; }

    public FakeSlackApi Slack { get; }

    public FakeTimeProvider Time { get; }

    public SlackRequests Requests => new(CreateClient(), TestSettings.Secret, () => Time.GetUtcNow());

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddHttpClient<SlackApiClient>().ConfigurePrimaryHttpMessageHandler(() => Slack);
            if (Disk is not null)
                services.AddSingleton<LiteDbOpener>(Disk.Open);
        });
    }

    /// <summary>Deletes the database after the last instance using it is gone.</summary>
    public void DeleteDatabase()
    {
        foreach (var file in new[] { DbPath, Path.ChangeExtension(DbPath, null) + "-log.db", DbPath + ".lock" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }
    }
}
