namespace SupportBot.Tests.Infrastructure;

/// <summary>Apps started one after another on one database (and one fake Slack): a restart, in process.</summary>
public sealed class Restarts : IDisposable
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"supportbot-restart-{Guid.NewGuid():N}.db");
    private readonly List<SupportBotApp> _apps = [];

    public FakeSlackApi Slack { get; } = new();

    /// <summary>A new app on the shared database; the previous one should be disposed first (one process per file).</summary>
    public SupportBotApp Start(bool sharedSlack = false)
    {
        var app = new SupportBotApp(dbPath: _dbPath, slack: sharedSlack ? Slack : null);
        _apps.Add(app);
        return app;
    }

    public void Dispose()
    {
        foreach (var app in _apps)
            app.Dispose();
        if (_apps.Count > 0)
            _apps[^1].DeleteDatabase();
    }
}
