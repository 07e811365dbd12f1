using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SupportBot.Scheduling;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;

namespace SupportBot.Tests.Scheduling;

/// <summary>The daily backup through the real Quartz scheduler, days passing on the app's fake clock.</summary>
public sealed class BackupJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-daily-").FullName;
    private readonly SupportBotApp _app;

    public BackupJobTests() => _app = SlaApp.Create(new()
    {
        ["Storage:Backup:Folder"] = _folder,
        ["Storage:Backup:Keep"] = "2",
    }, scheduler: true);

    public void Dispose()
    {
        SlaApp.Dispose(_app);
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Copies() => Directory.GetFiles(_folder, "supportbot-*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task The_job_makes_one_copy_a_day_and_keeps_only_the_newest_Keep()
    {
        var number = await _app.CreateTicketAsync("Backed up");
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = await scheduler.GetJobDetail(BackupJob.Key);
        Assert.True(job!.ConcurrentExecutionDisallowed);

        var days = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            if (day > 0)
                _app.Time.Advance(TimeSpan.FromDays(1)); // the hourly trigger may make the day's copy first: the same file
            days.Add($"supportbot-{_app.Time.GetUtcNow():yyyy-MM-dd}.db");
            await scheduler.TriggerJob(BackupJob.Key);
            // the copy and then the pruning: the clock moves on only after both, since a run on the next day (the
            // hourly trigger) makes that day's copy and prunes by it; after the last day it does not move at all
            Assert.True(await Eventually.TrueAsync(() => Copies().SequenceEqual(days.TakeLast(2))), $"day {day}: {string.Join(", ", Copies())}");
        }

        using var copy = new LiteDB.LiteDatabase($"Filename={Path.Combine(_folder, days[^1])};ReadOnly=true");
        Assert.Equal("Backed up", copy.GetCollection("tickets").FindById(number)["Subject"].AsString);
    }
}
