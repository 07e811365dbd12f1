using LiteDB;
using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.LiteDb;

/// <summary>
/// A store written by an earlier version has plain indexes on the SLA instants, the thread and the triage card
/// (every ticket keyed, most under null). Opening it replaces them with indexes of the tickets that have a value,
/// and the sweeps still find what is due.
/// </summary>
public sealed class LiteIndexUpgradeTests
{
    private static readonly (string Name, string Path)[] Legacy =
    [
        ("SlaNextCheck", "$.Sla.NextCheckAt"), ("SlaPendingNext", "$.Sla.PendingNextAt"), ("SlaAutoClose", "$.Sla.AutoCloseAt"),
        ("ThreadTs", "$.ThreadTs"), ("TriageTs", "$.TriageTs"),
    ];

    [Fact]
    public async Task A_store_with_the_plain_indexes_of_earlier_versions_is_upgraded_and_its_due_tickets_are_still_swept()
    {
        var first = Create();
        var number = await first.CreateTicketAsync();
        first.Dispose();
        List<string> indexes;
        using (var db = new LiteDatabase($"Filename={first.DbPath}"))
        {
            var tickets = db.GetCollection("tickets");
            foreach (var name in Names(db).Where(n => n != "_id" && n != "Status" && n != "EscalationTs"))
                tickets.DropIndex(name);
            foreach (var (name, path) in Legacy)
                tickets.EnsureIndex(name, path);
        }

        var second = Create(dbPath: first.DbPath, time: first.Time);
        try
        {
            second.Time.Advance(TimeSpan.FromMinutes(95));
            Assert.Equal(1, second.Get<SlaReminderSweep>().Run());
            await second.WaitForSlaNotesAsync(number, 1);
            Assert.Equal(0, second.Get<SlaReminderSweep>().Run());
        }
        finally
        {
            second.Dispose();
        }
        using (var db = new LiteDatabase($"Filename={first.DbPath}"))
            indexes = Names(db);
        second.DeleteDatabase();
        Assert.DoesNotContain(indexes, name => Legacy.Any(l => l.Name == name));
        Assert.Equal(["EscalationTs", "OfferDueArmed", "OpenNumber", "SlaAutoCloseArmed", "SlaNextCheckArmed", "SlaPendingNextArmed", "Status", "ThreadTsPosted", "TriageTsPosted", "_id"],
            indexes.Order(StringComparer.Ordinal));
    }

    private static List<string> Names(LiteDatabase db) =>
        db.GetCollection("$indexes").Find("collection = 'tickets'").Select(d => d["name"].AsString).ToList();
}
