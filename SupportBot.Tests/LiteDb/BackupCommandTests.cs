using LiteDB;
using SupportBot.Tests.Faults;

namespace SupportBot.Tests.LiteDb;

/// <summary><c>dotnet SupportBot.dll backup &lt;file&gt;</c>, with the bot stopped and with the bot running on the file.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-backup-").FullName;

    private string DbPath => Path.Combine(_folder, "supportbot.db");

    private string CopyPath => Path.Combine(_folder, "copies", "copy.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteTickets(int count)
    {
        using var db = new LiteDatabase($"Filename={DbPath}");
        var tickets = db.GetCollection("tickets");
        for (var i = 1; i <= count; i++)
            tickets.Insert(new BsonDocument { ["_id"] = i, ["Subject"] = $"Ticket {i}", ["Status"] = "Closed" });
    }

    private List<string> CopiedSubjects()
    {
        using var copy = new LiteDatabase($"Filename={CopyPath};ReadOnly=true");
        return copy.GetCollection("tickets").FindAll().Select(d => d["Subject"].AsString).ToList();
    }

    [Fact]
    public async Task With_the_bot_stopped_the_command_copies_the_file_itself()
    {
        WriteTickets(25);

        var run = await AppProcess.RunToExitAsync(DbPath, args: ["backup", CopyPath]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("was not running", run.Output, StringComparison.Ordinal);
        Assert.Equal(25, CopiedSubjects().Count);
    }

    [Fact]
    public async Task With_the_bot_running_the_bot_takes_a_consistent_copy_and_keeps_running()
    {
        WriteTickets(25);
        await using var slack = await LoopbackSlack.StartAsync();
        using var bot = await AppProcess.StartAsync(DbPath, slack.ApiUrl);

        var run = await AppProcess.RunToExitAsync(DbPath, args: ["backup", CopyPath]);

        Assert.True(run.ExitCode == 0, run.Output + bot.Output);
        Assert.Contains("taken by the running bot", run.Output, StringComparison.Ordinal);
        Assert.Equal(25, CopiedSubjects().Count);
        using var http = bot.Client();
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
    }
}
