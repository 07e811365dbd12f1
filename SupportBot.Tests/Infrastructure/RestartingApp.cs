namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// Apps started one after another on one database file (one process per file: dispose the previous one first), to
/// play restarts; disposed and deleted together. <see cref="Slack"/> is one fake Slack they can share, for tests
/// that follow a message across a restart.
/// </summary>
public sealed class RestartingApp(string name) : IDisposable
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"supportbot-{name}-{Guid.NewGuid():N}.db");
    private readonly List<SupportBotApp> _apps = [];

    public string DbPath => _dbPath;

    public FakeSlackApi Slack { get; } = new();

    public SupportBotApp Start(Dictionary<string, string?>? settings = null, bool sharedSlack = false)
    {
        var app = new SupportBotApp(settings, dbPath: _dbPath, slack: sharedSlack ? Slack : null);
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
