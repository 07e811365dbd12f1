using System.Diagnostics;

namespace SupportBot.Tests.Hosting;

/// <summary>Runs <c>dotnet SupportBot.dll</c> as a real process with the given settings; returns its exit code and output.</summary>
public static class AppCommand
{
    public static Dictionary<string, string> Settings(string db) => new()
    {
        ["Slack__BotToken"] = "xoxb-test",
        ["Slack__SigningSecret"] = Infrastructure.TestSettings.Secret,
        ["Slack__SupportChannel"] = "C_SUPPORT",
        ["Slack__SupportTeam__0"] = "U_ENG1",
        ["ConnectionStrings__LiteDb"] = $"Filename={db}",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["SLACK_BOT_TOKEN"] = "",
        ["SLACK_SIGNING_SECRET"] = "",
        ["SLACK_APP_TOKEN"] = "",
    };

    /// <summary>Null exit code when the process was still running after <paramref name="seconds"/> (it is killed then).</summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(IEnumerable<string> args, Dictionary<string, string> settings, int seconds = 30)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (k, v) in settings)
            start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
