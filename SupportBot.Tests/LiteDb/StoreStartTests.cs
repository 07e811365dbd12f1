using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Tests.Faults;

namespace SupportBot.Tests.LiteDb;

/// <summary>
/// The real process refuses a data file it cannot trust, a second process on the same file and a folder it cannot
/// write: exit code 2 and one line naming the file, never a stack trace, a hang, or a silent new empty store.
/// </summary>
public sealed class StoreStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-start-").FullName;

    private string DbPath => Path.Combine(_folder, "supportbot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A store with enough tickets to span many pages, closed cleanly.</summary>
    private long WriteStore()
    {
        using (var db = new LiteDatabase($"Filename={DbPath}"))
        {
            var tickets = db.GetCollection("tickets");
            for (var i = 1; i <= 400; i++)
                tickets.Insert(new BsonDocument { ["_id"] = i, ["Subject"] = $"Ticket {i}", ["Description"] = new string('x', 500) });
        }
        return new FileInfo(DbPath).Length;
    }

    private void Cut(long length)
    {
        using var file = new FileStream(DbPath, FileMode.Open);
        file.SetLength(length);
    }

    private static void AssertRefused((int ExitCode, string Output) run, string path, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}:\n{run.Output}");
        Assert.Contains(path, run.Output, StringComparison.Ordinal);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task A_flush_setting_that_is_not_true_or_false_is_refused_naming_the_setting()
    {
        var run = await AppProcess.RunToExitAsync(DbPath, new() { ["Storage__FlushToDisk"] = "sometimes" });

        AssertRefused(run, LiteDbExtensions.FlushToDiskKey, "must be true or false");
    }

    [Fact]
    public async Task A_file_full_of_garbage_is_refused_naming_the_file()
    {
        var garbage = new byte[StoreFile.PageSize * 4];
        new Random(8).NextBytes(garbage);
        await File.WriteAllBytesAsync(DbPath, garbage);

        AssertRefused(await AppProcess.RunToExitAsync(DbPath), DbPath, "Restore it from a backup");
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DbPath));
    }

    [Fact]
    public async Task A_file_cut_to_a_third_on_a_page_boundary_is_refused_instead_of_failing_every_request()
    {
        var length = WriteStore();
        var third = length / 3 / StoreFile.PageSize * StoreFile.PageSize;
        Cut(third);

        AssertRefused(await AppProcess.RunToExitAsync(DbPath), DbPath, "cannot be read");
        Assert.Equal(third, new FileInfo(DbPath).Length);
    }

    [Fact]
    public async Task A_page_garbled_inside_a_whole_file_stops_the_app_after_start_naming_the_file()
    {
        // Closed tickets in a store with the app's indexes: start-up reads only open ones, and builds no index over
        // them, so the garbled page is left for the check after start
        using (var db = new LiteDatabase($"Filename={DbPath}", LiteDbFactory.Mapper))
        {
            LiteSchema.Apply(db);
            db.GetCollection("tickets").InsertBulk(Enumerable.Range(1, 400).Select(i => new BsonDocument
                { ["_id"] = i, ["Status"] = "Closed", ["Subject"] = $"Ticket {i}", ["Description"] = new string('x', 500) }));
        }
        var length = new FileInfo(DbPath).Length;
        var garbage = new byte[StoreFile.PageSize];
        new Random(8).NextBytes(garbage);
        using (var file = new FileStream(DbPath, FileMode.Open))
        {
            // a data page two thirds in: the header and the length are whole, so only reading the documents finds it
            file.Position = length * 2 / 3 / StoreFile.PageSize * StoreFile.PageSize;
            file.Write(garbage);
        }

        var (exitCode, output) = await AppProcess.RunToExitAsync(DbPath);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"SupportBot cannot go on: the data file {DbPath} exists but cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_cut_below_one_page_is_refused_not_replaced_by_a_new_empty_store()
    {
        WriteStore();
        Cut(3000);

        AssertRefused(await AppProcess.RunToExitAsync(DbPath), DbPath, "cut short");
        Assert.Equal(3000, new FileInfo(DbPath).Length);
    }

    [Fact]
    public async Task A_second_process_on_the_same_file_is_refused_while_the_first_keeps_running()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        using var first = await AppProcess.StartAsync(DbPath, slack.ApiUrl);

        var second = await AppProcess.RunToExitAsync(DbPath);

        AssertRefused(second, DbPath, "another SupportBot process is using the data file");
        using var http = first.Client();
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_folder_the_user_cannot_write_is_one_line_naming_the_folder_and_the_user()
    {
        var folder = Path.Combine(_folder, "root-owned");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                     | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(_folder, File.GetUnixFileMode(_folder) | UnixFileMode.OtherExecute);
        // root writes anywhere: run as nobody then, like a container user meeting a root-owned volume
        int? asUser = Environment.UserName == "root" ? 65534 : null;
        if (asUser is null)
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var run = await AppProcess.RunToExitAsync(Path.Combine(folder, "supportbot.db"), asUser: asUser);

        AssertRefused(run, folder, "is not writable for user");
        Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(folder, StringComparison.Ordinal));
    }
}
