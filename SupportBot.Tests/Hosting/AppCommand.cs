using System.Diagnostics;
using System.Text;

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
        // a process that gets as far as serving calls Slack at start: a closed loopback port, never the real Slack
        ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        ["ConnectionStrings__LiteDb"] = $"Filename={db}",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["SLACK_BOT_TOKEN"] = "",
        ["SLACK_SIGNING_SECRET"] = "",
        ["SLACK_APP_TOKEN"] = "",
    };

    /// <summary>
    /// Null exit code when the process was still running after <paramref name="seconds"/>, or once a line of its output
    /// contained <paramref name="until"/> (it is killed then). It runs in <paramref name="workingDirectory"/>, by
    /// default the dll's own folder.
    /// </summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(IEnumerable<string> args, Dictionary<string, string> settings,
        int seconds = 30, string? workingDirectory = null, string? until = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        foreach (var (k, v) in settings)
            start.Environment[k] = v;
        var output = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
            if (until is not null && e.Data.Contains(until, StringComparison.Ordinal))
                seen.TrySetResult();
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        await Task.WhenAny(exited, seen.Task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        int? exit = null;
        if (exited.IsCompleted)
            exit = process.ExitCode;
        else
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(); // and for the last of its output
        lock (output)
            return (exit, output.ToString());
    }
}
