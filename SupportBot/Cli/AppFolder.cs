namespace SupportBot.Cli;

/// <summary>
/// The app's own folder as content root: <c>cd /tmp &amp;&amp; dotnet /srv/supportbot/SupportBot.dll</c> reads the
/// appsettings.json shipped beside the dll, where the working folder as root found none and silently ran without its
/// defaults (multi-line logs among them). Relative paths in settings (<c>ConnectionStrings:LiteDb</c>,
/// <c>Storage:Backup:Folder</c>) still resolve against the working folder, so <c>dotnet run --project SupportBot</c>
/// keeps its tickets in SupportBot/supportbot.db; in the Docker image both folders are /app.
/// </summary>
public static class AppFolder
{
    /// <summary>The content root to use, or null when one was given (<c>--contentRoot</c>, the environment, a test host).</summary>
    public static string? ContentRoot(IEnumerable<string> args) =>
        args.Any(Names) || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
                        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 }
            ? null
            : AppContext.BaseDirectory;

    /// <summary><c>--contentRoot=…</c>, <c>--contentRoot …</c>, <c>/contentRoot …</c> or <c>contentRoot=…</c>, as the configuration reader takes them.</summary>
    private static bool Names(string arg) =>
        arg.TrimStart('-', '/').Split('=')[0].Equals("contentRoot", StringComparison.OrdinalIgnoreCase);
}
