using SupportBot.Tests.Faults;

namespace SupportBot.Tests.Hosting;

/// <summary>The real process, started like <c>dotnet SupportBot.dll</c>, refuses to run with a missing setting.</summary>
public sealed class StartupProcessTests
{
    [Theory]
    [InlineData("Slack__BotToken", "Slack:BotToken")]
    [InlineData("Slack__SupportChannel", "Slack:SupportChannel")]
    public async Task A_missing_setting_ends_the_process_with_a_message_naming_the_key(string variable, string key)
    {
        var db = Path.Combine(Path.GetTempPath(), $"supportbot-start-{Guid.NewGuid():N}.db");
        (int ExitCode, string Output) run;
        try
        {
            run = await AppProcess.RunToExitAsync(db, new() { [variable] = "" });
        }
        finally
        {
            File.Delete(db);
            File.Delete(db + ".lock");
        }

        Assert.NotEqual(-1, run.ExitCode); // -1: still running without the setting
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(key, run.Output, StringComparison.Ordinal);
    }
}
