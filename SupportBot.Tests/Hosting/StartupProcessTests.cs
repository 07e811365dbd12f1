using System.Diagnostics;

namespace SupportBot.Tests.Hosting;

/// <summary>The real process, started like <c>dotnet SupportBot.dll</c>, refuses to run with a missing setting.</summary>
public sealed class StartupProcessTests
{
    [Theory]
    [InlineData("Slack__BotToken", "Slack:BotToken")]
    [InlineData("Slack__SupportChannel", "Slack:SupportChannel")]
    public async Task A_missing_setting_ends_the_process_with_a_message_naming_the_key(string variable, string key)
    {
        var dll = typeof(Program).Assembly.Location;
        var db = Path.Combine(Path.GetTempPath(), $"supportbot-start-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var settings = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = "xoxb-test",
            ["Slack__SigningSecret"] = "8f742231b10e8888abcd99fffeee85a5",
            ["Slack__SupportChannel"] = "C_SUPPORT",
            ["Slack__SupportTeam__0"] = "U_ENG1",
            ["ConnectionStrings__LiteDb"] = $"Filename={db}",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["SLACK_BOT_TOKEN"] = "",
            ["SLACK_SIGNING_SECRET"] = "",
            [variable] = "",
        };
        foreach (var (k, v) in settings)
            start.Environment[k] = v;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the app kept running without {key}");
        }
        finally
        {
            File.Delete(db);
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(key, await stderr + await stdout, StringComparison.Ordinal);
    }
}
