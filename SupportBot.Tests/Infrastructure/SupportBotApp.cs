using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.LiteDb;
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
    private readonly Action<IServiceCollection>? _services;

    public SupportBotApp(Dictionary<string, string?>? settings = null, string? dbPath = null, FakeSlackApi? slack = null,
        FakeTimeProvider? time = null, Action<IServiceCollection>? services = null, FillableDisk? disk = null)
    {
        _services = services;
        Disk = disk;
        // a folder of its own: the running bot looks in its data file's folder every second for command-line requests,
        // and the temp folder itself holds thousands of entries by the middle of a run
        DbPath = dbPath ?? Path.Combine(Directory.CreateTempSubdirectory(OwnFolderPrefix).FullName, "supportbot.db");
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
            // the tests speak the acceptance harness's name; the shipped default is /ticket (Slack reserves /status)
            ["Slack:Commands:Status"] = "/status",
            // the jobs fire at real-time intervals while the fake clock stands still, a write of theirs landing amid
            // what a test counts (the group-commit flake): tests of a job run it, or turn the scheduler on
            ["Scheduling:Enabled"] = "false",
            // the fake clock stands still, so a background probe would never refresh /health: tests that watch a
            // check change ask it per request; Health/HealthProbeTests drive the probe's timer themselves
            ["Health:ProbeInterval"] = "00:00:00",
            // the fake clock stands still (or jumps days) beside the database's: the clock-skew tests turn the check on
            ["Postgres:MaxClockSkew"] = "00:00:00",
            // embedding every ticket of every test would cost the suite CPU it needs; the Similarity tests turn it on
            ["Similarity:Enabled"] = "false",
        };
        foreach (var (k, v) in settings ?? [])
            _settings[k] = v;
        if (OnPostgres.DatabaseFor(DbPath) is { } postgres && !_settings.ContainsKey("ConnectionStrings:Postgres"))
            _settings["ConnectionStrings:Postgres"] = postgres;
    }

    public string DbPath { get; }

    private const string OwnFolderPrefix = "supportbot-test-";

    /// <summary>The search index beside the database (see SearchLocation).</summary>
    public string IndexFolder => Path.ChangeExtension(DbPath, null) + ".search";

    /// <summary>Where Similarity keeps the ticket vectors: beside the search index.</summary>
    public string VectorFile => Path.ChangeExtension(DbPath, null) + ".vectors";

    /// <summary>When set, the store's writes go through this disk, which a test can fill.</summary>
    public FillableDisk? Disk { get; }

    public FakeSlackApi Slack { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>What the app logged (at the levels its settings let through; tests default to Warning).</summary>
    public AppLogs Logs { get; } = new();

    public SlackRequests Requests => new(CreateClient(), TestSettings.Secret, () => Time.GetUtcNow());

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // a null value leaves the key to appsettings.json: how a test sees the shipped defaults
        foreach (var (k, v) in _settings.Where(s => s.Value is not null))
            builder.UseSetting(k, v);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            // IHttpClientFactory rotates each handler after two minutes on a timer of the process-wide timer queue,
            // and that timer holds the app's services until it fires: a disposed app stayed reachable that long, and
            // the suite, starting hundreds of apps in a few minutes, held most of them at once (a 1.5 GB heap)
            services.ConfigureAll<HttpClientFactoryOptions>(o => o.HandlerLifetime = Timeout.InfiniteTimeSpan);
            services.AddHttpClient<SlackApiClient>().ConfigurePrimaryHttpMessageHandler(() => Slack);
            _services?.Invoke(services);
            if (Disk is not null)
                services.AddSingleton<LiteDbOpener>(Disk.Open);
        });
    }

    /// <summary>Deletes the database after the last instance using it is gone.</summary>
    public void DeleteDatabase()
    {
        foreach (var file in new[] { DbPath, Path.ChangeExtension(DbPath, null) + "-log.db", DbPath + ".lock", VectorFile })
        {
            if (File.Exists(file))
                File.Delete(file);
        }
        DeleteIndexFolder();
        // its own folder goes too; an app still stopping may write a last file there meanwhile, and a leftover
        // folder in the temp folder is harmless
        var folder = Path.GetDirectoryName(DbPath)!;
        if (Path.GetFileName(folder).StartsWith(OwnFolderPrefix, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The search indexer of an app still running may add a file while the folder is being removed; the folder is
    /// only a temporary file's sibling, so a few tries are enough and a leftover is harmless.
    /// </summary>
    private void DeleteIndexFolder()
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(IndexFolder); attempt++)
        {
            try
            {
                Directory.Delete(IndexFolder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
