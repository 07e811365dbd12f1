namespace SupportBot.Tests.Infrastructure;

/// <summary>Apps started one after another on one database file, to play restarts; disposed and deleted together.</summary>
public sealed class RestartingApp(string name) : IDisposable
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"supportbot-{name}-{Guid.NewGuid():N}.db");
    private readonly List<SupportBotApp> _apps = [];

    public string DbPath => _dbPath;

    public SupportBotApp Start(Dictionary<string, string?>? settings = null)
    {
        var app = new SupportBotApp(settings, dbPath: _dbPath);
        _apps.Add(app);
        return app;
    }

    public void Dispose()
    {
        foreach (var app in _apps)
            app.Dispose();
        _apps[^1].DeleteDatabase();
    }
}
