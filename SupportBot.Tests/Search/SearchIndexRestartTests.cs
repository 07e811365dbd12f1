using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Search;

/// <summary>The index is rebuilt when its folder is gone, and catches up with changes it missed, without holding up start-up.</summary>
public sealed class SearchIndexRestartTests : IDisposable
{
    private readonly RestartingApp _apps = new("search");

    private SupportBotApp Start(Dictionary<string, string?>? settings = null) => _apps.Start(settings);

    public void Dispose() => _apps.Dispose();

    private static async Task<string> SearchAsync(SupportBotApp app, string words)
    {
        // right after start the index may still be building: search says so, then answers. Bounded by the suite's
        // patience rather than by 100 tries (about 5 s when quiet), which a rebuild on a busy machine may outlast
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (true)
        {
            var answer = (await app.Requests.CommandAsync("/status", $"search {words}", TestSettings.Engineer)).Text;
            if (!answer.Contains("still indexing", StringComparison.Ordinal) || Environment.TickCount64 > deadline)
                return answer;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Deleting_the_index_folder_makes_the_next_start_rebuild_it_from_the_store()
    {
        var first = Start();
        var number = await first.CreateTicketAsync("Zoekt shards stall after upgrade");
        Assert.Contains($"#{number}", await SearchAsync(first, "zoekt"), StringComparison.Ordinal);
        first.Dispose();
        Directory.Delete(first.IndexFolder, recursive: true);

        var second = Start();

        Assert.Contains($"#{number}", await SearchAsync(second, "zoekt"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(second.IndexFolder));
    }

    [Fact]
    public async Task An_index_built_over_an_empty_store_is_caught_up_at_the_next_start()
    {
        var first = Start();
        Assert.Contains("No tickets", await SearchAsync(first, "zoekt"), StringComparison.OrdinalIgnoreCase);
        first.Dispose();

        var second = Start();
        var number = await second.CreateTicketAsync("Zoekt shards stall after upgrade");

        Assert.Contains($"#{number}", await SearchAsync(second, "zoekt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_the_index_missed_are_caught_up_at_the_next_start()
    {
        var first = Start();
        var number = await first.CreateTicketAsync("Original subject");
        await SearchAsync(first, "original");
        first.Dispose();

        // a change committed while the index could not follow (a crash between the store's commit and the index's)
        using (var db = new LiteDatabase($"Filename={_apps.DbPath}", LiteDbFactory.CreateMapper()))
        {
            var tickets = db.GetCollection<Ticket>(SupportBot.LiteDb.LiteTicketRows.Collection);
            var ticket = tickets.FindById(number);
            ticket.Subject = "Renamed to kubernetes ingress";
            ticket.UpdatedAt = DateTime.UtcNow.AddMinutes(5);
            tickets.Update(ticket);
        }

        var second = Start();

        Assert.Contains($"#{number}", await SearchAsync(second, "kubernetes"), StringComparison.Ordinal);
    }
}
