using System.Net;
using System.Net.Sockets;

namespace SupportBot.Tests.Hosting;

/// <summary>
/// What a new admin meets when starting the real process: a port in use, a mistyped verb, a start from another
/// folder, JSON logs, several wrong settings at once. Each answer is short and says what to do.
/// </summary>
public sealed class OperatorProcessTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"supportbot-operator-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { _db, Path.ChangeExtension(_db, null) + "-log.db", _db + ".lock" })
            File.Delete(file);
        if (Directory.Exists(Path.ChangeExtension(_db, null) + ".search"))
            Directory.Delete(Path.ChangeExtension(_db, null) + ".search", recursive: true);
    }

    [Fact]
    public async Task A_port_in_use_ends_the_process_with_one_line_naming_the_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var settings = AppCommand.Settings(_db);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        var (exit, output) = await AppCommand.RunAsync([], settings);

        Assert.Equal(2, exit);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("already in use", StringComparison.Ordinal));
        Assert.Contains($"port {port} ", line, StringComparison.Ordinal);
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), output); // no stack trace, in the log or from the runtime
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_port_line_names_the_configured_addresses_if_kestrels_wording_changes() =>
        Assert.StartsWith("error: a port of http://+:8080 is already in use", SupportBot.Health.PortInUse.Message("Bind failed.", ["http://+:8080"]),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("outbx list")]
    [InlineData("--hepl")]
    [InlineData("list")]
    public async Task An_unknown_verb_is_refused_with_the_list_of_verbs_instead_of_starting_the_bot(string args)
    {
        var (exit, output) = await AppCommand.RunAsync(args.Split(' '), AppCommand.Settings(_db), seconds: 20);

        Assert.Equal(2, exit);
        Assert.Contains(args.Split(' ')[0], output, StringComparison.Ordinal);
        foreach (var verb in new[] { "outbox list", "deadletters retry", "backup", "migrate-store", "--help", "--healthcheck" })
            Assert.Contains(verb, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public async Task Aspnet_cores_own_arguments_still_start_the_bot()
    {
        var port = Infrastructure.FreePort.Next();
        var settings = AppCommand.Settings(_db);
        settings.Remove("ASPNETCORE_URLS");
        settings.Remove("Slack__SupportChannel"); // required: given below as --Key=Value
        settings.Remove("Slack__SupportTeam__0"); // required: given below as Key=Value

        var (_, output) = await AppCommand.RunAsync(
            ["--urls", $"http://127.0.0.1:{port}", "--Slack:SupportChannel=C_SUPPORT", "--environment", "Staging", "Slack:SupportTeam:0=U_ENG1"],
            settings, until: "Now listening on");

        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains("Hosting environment: Staging", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_from_another_folder_the_bot_reads_its_own_settings_and_keeps_a_relative_store_there()
    {
        var folder = Directory.CreateTempSubdirectory("supportbot-elsewhere-").FullName;
        try
        {
            var settings = AppCommand.Settings(_db);
            settings["ConnectionStrings__LiteDb"] = "Filename=here.db";

            var (_, output) = await AppCommand.RunAsync([], settings, workingDirectory: folder, until: "Now listening on");

            // appsettings.json's simple formatter: one line, UTC timestamp first (without it: "info: …" and the message below)
            var listening = Assert.Single(output.Split('\n'), l => l.Contains("Now listening on", StringComparison.Ordinal));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Microsoft\.Hosting\.Lifetime\[\d+\] Now listening on", listening);
            // README: a relative ConnectionStrings:LiteDb is taken from the working folder (dotnet run: the project folder)
            Assert.True(File.Exists(Path.Combine(folder, "here.db")), "the store was not created in the working folder");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Json_logs_carry_a_timestamp_without_a_trailing_space()
    {
        var settings = AppCommand.Settings(_db);
        settings["Logging__Console__FormatterName"] = "json";

        var (_, output) = await AppCommand.RunAsync([], settings, until: "Now listening on");

        var line = Assert.Single(output.Split('\n'), l => l.Contains("Now listening on", StringComparison.Ordinal));
        var timestamp = System.Text.Json.Nodes.JsonNode.Parse(line)!["Timestamp"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", timestamp);
    }

    [Fact]
    public async Task A_value_that_does_not_bind_is_listed_with_every_other_setting_error()
    {
        var settings = AppCommand.Settings(_db);
        settings["Customers__0__Name"] = "Acme";
        settings["Customers__0__Lifecycle"] = "Partner";
        settings["Slack__BotToken"] = "";
        settings["Sla__NagEvery"] = "30m";
        settings["Email__PollInterval"] = "30s";

        var (exit, output) = await AppCommand.RunAsync([], settings);

        Assert.Equal(2, exit);
        Assert.Contains("Customers:0:Lifecycle is \"Partner\"", output, StringComparison.Ordinal);
        Assert.Contains("Sla:NagEvery is \"30m\"", output, StringComparison.Ordinal);
        Assert.Contains("Email:PollInterval is \"30s\"", output, StringComparison.Ordinal);
        Assert.Contains("Slack:BotToken", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("is 00:00:00", output, StringComparison.Ordinal); // not the hidden values' defaults as well
    }
}
