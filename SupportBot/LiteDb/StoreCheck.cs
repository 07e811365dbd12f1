using LiteDB;
using SupportBot.Health;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Reads every document of the data file once after start, so a damaged file is found before a request trips on it,
/// without making start-up wait for it: it took 26 s at 1,000,000 tickets before the host answered. A chunk
/// (<see cref="StoreFile.CheckChunk"/>) per turn of the store's lock, so requests go between chunks. A document
/// that cannot be read stops the app as a damaged file at start does: one line naming the file, exit code 2, and
/// <c>/health/ready</c> 503 until it is down (a file cut short is still refused before the host starts).
/// </summary>
public sealed class StoreCheck(StoreGate gate, StoreFile file, IHostApplicationLifetime lifetime, ExitCode exit,
    ILogger<StoreCheck> logger) : BackgroundService
{
    private volatile string? _damage;

    /// <summary>Why the file cannot be trusted; null while every document read so far was whole.</summary>
    public string? Damage => _damage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // the host answers first; and stopping it while it still starts would fail the start instead
            await lifetime.WhenStartedAsync(stoppingToken);
            foreach (var name in gate.Read(db => db.GetCollectionNames().ToList()))
                await CheckAsync(name, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the store may be closed under the check
        }
        catch (Exception e)
        {
            Refuse(e);
        }
    }

    /// <summary>
    /// Every document the <c>_id</c> index lists, read whole. Not compared with a count: requests insert between chunks.
    /// </summary>
    private async Task CheckAsync(string collection, CancellationToken stoppingToken)
    {
        BsonValue? after = BsonValue.MinValue;
        while (after is { } from)
        {
            stoppingToken.ThrowIfCancellationRequested();
            (after, _) = gate.Read(db => StoreFile.ReadChunk(db, collection, from));
            await Task.Yield(); // a chunk per turn: the lock is free for requests in between
        }
    }

    /// <summary>Any failure to read a document is damage (a garbled page fails in many ways), as at start.</summary>
    private void Refuse(Exception e)
    {
        var refusal = file.Unreadable(e.Message, e);
        _damage = refusal.Message;
        logger.LogCritical("The store check found a damaged data file: {Damage}", refusal.Message);
        Console.Error.WriteLine($"SupportBot cannot go on: {refusal.Message}");
        exit.Fail(2);
        lifetime.StopApplication();
    }
}
