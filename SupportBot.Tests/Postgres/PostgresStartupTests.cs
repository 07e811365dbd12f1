using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// The real process with <c>ConnectionStrings:Postgres</c> set wrongly: exit code 2 and one message naming the
/// setting, without the password and without a stack trace.
/// </summary>
public sealed class PostgresStartupTests : IDisposable
{
    private const string Password = "pg-secret-hunter2";
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-pgstart-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        File.Delete(_db);
        File.Delete(_db + ".lock");
    }

    [Theory]
    [InlineData($"Host=db;Port=five;Password={Password}", "Couldn't set port")]
    [InlineData($"Password={Password};Database=supportbot", "names no Host")]
    [InlineData($"Host=db;Password={Password};Port", "Format of the initialization string")]
    public async Task A_connection_string_that_does_not_parse_ends_the_process_naming_the_setting(string value, string reason)
    {
        var (exit, output) = await Start(value);

        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:Postgres", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_connection_string_beside_another_bad_setting_lists_both_without_a_stack_trace()
    {
        var settings = AppCommand.Settings(_db);
        settings["ConnectionStrings__Postgres"] = $"Host=db;Port=five;Password={Password}";
        settings["Slack__SigningSecret"] = "not-hex";

        var (exit, output) = await AppCommand.RunAsync([], settings);

        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:Postgres", output, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_ends_the_process_naming_the_setting_and_where_it_points()
    {
        var port = FreePort.Next();

        var (exit, output) = await Start($"Host=127.0.0.1;Port={port};Database=supportbot;Username=bot;Password={Password};Timeout=3");

        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:Postgres", output, StringComparison.Ordinal);
        Assert.Contains($"bot@127.0.0.1:{port}/supportbot", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private Task<(int? ExitCode, string Output)> Start(string connection)
    {
        var settings = AppCommand.Settings(_db);
        settings["ConnectionStrings__Postgres"] = connection;
        return AppCommand.RunAsync([], settings);
    }
}
