using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tests.Hosting;

/// <summary>
/// The real process, started like <c>dotnet SupportBot.dll</c>: refuses to run with a missing or unreadable setting
/// (exit code 2, the key named, no stack trace), answers <c>--help</c> and the store verbs without starting the server.
/// </summary>
public sealed class StartupProcessTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-start-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        File.Delete(_db);
        File.Delete(Path.ChangeExtension(_db, null) + "-log.db");
        File.Delete(_db + ".lock");
    }

    [Theory]
    [InlineData("Slack__BotToken", "Slack:BotToken")]
    [InlineData("Slack__SupportChannel", "Slack:SupportChannel")]
    public async Task A_missing_setting_ends_the_process_with_a_message_naming_the_key(string variable, string key)
    {
        var settings = AppCommand.Settings(_db);
        settings[variable] = "";

        var (exit, output) = await AppCommand.RunAsync([], settings);

        Assert.Equal(2, exit);
        Assert.Contains(key, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sla__NagEvery", "30m", "Sla:NagEvery", "00:30:00")]
    [InlineData("Sla__PendingAutoSolveAfter", "3 days", "Sla:PendingAutoSolveAfter", "2.00:00:00")]
    [InlineData("Sla__AtRisk", "75%", "Sla:AtRisk", "0.75")]
    [InlineData("Slack__AllowBots", "yes", "Slack:AllowBots", "true or false")]
    [InlineData("Sla__FirstResponse__Normal", "30", "Sla:FirstResponse:Normal", "30 days")]
    [InlineData("Outbox__MaxAttempts", "many", "Outbox:MaxAttempts", "e.g. 5")]
    public async Task A_value_that_does_not_parse_ends_the_process_with_key_value_and_example(string variable, string value, string key, string example)
    {
        var settings = AppCommand.Settings(_db);
        settings[variable] = value;

        var (exit, output) = await AppCommand.RunAsync([], settings);

        Assert.Equal(2, exit);
        Assert.Contains($"{key} is \"{value}\"", output, StringComparison.Ordinal);
        Assert.Contains(example, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Help_prints_usage_and_the_settings_without_starting_the_server()
    {
        var settings = AppCommand.Settings(_db);
        settings["Slack__BotToken"] = ""; // would stop a start; --help never gets that far

        var (exit, output) = await AppCommand.RunAsync(["--help"], settings, seconds: 15);

        Assert.Equal(0, exit);
        Assert.Contains("outbox retry", output, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken (SLACK_APP_TOKEN)", output, StringComparison.Ordinal);
        Assert.Contains("Sla:FirstResponse", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public async Task Outbox_list_and_retry_work_on_the_store_the_settings_name()
    {
        using (var db = new LiteDatabase($"Filename={_db}", LiteDbFactory.CreateMapper()))
        {
            OutboxStore.Enqueue(new SupportBot.LiteDb.LiteSession(db), new OutboxMessage
            {
                Lane = "C_ACME", Method = "chat.postMessage", TicketNumber = 7, Failed = true, Attempts = 1, LastError = "not_in_channel",
            }, DateTime.UtcNow);
        }

        var (listed, list) = await AppCommand.RunAsync(["outbox", "list"], AppCommand.Settings(_db));
        var (retried, retry) = await AppCommand.RunAsync(["outbox", "retry", "all"], AppCommand.Settings(_db));

        Assert.Equal(0, listed);
        Assert.Contains("#1 chat.postMessage to C_ACME (ticket #7), 1 attempt(s)", list, StringComparison.Ordinal);
        Assert.Contains("not_in_channel", list, StringComparison.Ordinal);
        Assert.Equal(0, retried);
        Assert.Contains("1 message(s) back in the outbox", retry, StringComparison.Ordinal);
        using var reopened = new LiteDatabase($"Filename={_db}", LiteDbFactory.CreateMapper());
        var outbox = new SupportBot.LiteDb.LiteSession(reopened).Outbox;
        Assert.Empty(outbox.SetAside());
        Assert.Equal(1, outbox.CountPending());
    }
}
