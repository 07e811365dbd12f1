using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Online backups for <c>dotnet SupportBot.dll backup &lt;file&gt;</c>: the running bot holds the data file's lock, so
/// the command leaves a request file beside it (<c>&lt;data file&gt;.backup-request</c>, naming the target) and the bot
/// makes the copy, answering in <c>&lt;data file&gt;.backup-done</c>. Files rather than an HTTP endpoint: only someone
/// who can write the data folder can ask, and no port is opened for it.
/// </summary>
public sealed class BackupRequests(StoreFile file, StoreBackup backup, ILogger<BackupRequests> logger) : BackgroundService
{
    public const string Ok = "ok";

    /// <summary>Real time on purpose: this is how quickly a waiting command is served, not a business clock.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static string RequestPath(string dataFile) => dataFile + ".backup-request";

    public static string DonePath(string dataFile) => dataFile + ".backup-done";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (file.Path is not { } dataFile)
            return;
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (File.Exists(RequestPath(dataFile)))
                Serve(dataFile);
        }
    }

    private void Serve(string dataFile)
    {
        string answer;
        try
        {
            var target = File.ReadAllText(RequestPath(dataFile)).Trim();
            backup.CopyTo(target);
            answer = Ok;
        }
        catch (Exception e)
        {
            logger.LogError(e, "A requested backup failed");
            answer = "failed: " + e.Message;
        }
        try
        {
            File.WriteAllText(DonePath(dataFile), answer);
            File.Delete(RequestPath(dataFile));
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not answer the backup request");
        }
    }
}
