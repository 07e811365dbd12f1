using Quartz;
using SupportBot.Storage;

namespace SupportBot.Scheduling;

/// <summary>
/// Hourly, makes the day's copy of the store if it is not there yet (so a bot restarted at any hour still makes
/// one a day) and drops copies beyond Storage:Backup:Keep. Does nothing without Storage:Backup:Folder.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(IStoreBackup backup, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-backup", "storage");
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            backup.Daily();
        }
        catch (Exception e)
        {
            logger.LogError(e, "The daily backup failed; the next run in an hour tries again");
        }
        return ValueTask.CompletedTask;
    }
}
