using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Search;

/// <summary>
/// Keeps the <see cref="TicketIndex"/> in step with the store, off the request path: committed changes are queued
/// (<see cref="Committed"/> runs inside the commit, so the queue follows commit order) and indexed here in batches.
/// At start it catches up with whatever changed since the index's last commit, or rebuilds a missing or damaged
/// index, in pages, without holding up start-up; until then searches answer "indexing".
/// </summary>
public sealed class SearchIndexer(IStoreGate gate, SearchLocation location, ILogger<SearchIndexer> logger) : BackgroundService, ITicketsCommitted
{
    private const int Page = 1000;
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(1);

    private readonly Channel<IndexedTicket> _queue = Channel.CreateUnbounded<IndexedTicket>();
    private readonly object _progress = new(); // Monitor.Wait/PulseAll: a search waits for the indexer
    private long _queued, _indexed;
    private volatile TicketIndex? _ready;

    /// <summary>The index once it has caught up with the store; null while it is being built.</summary>
    public TicketIndex? Index => _ready;

    public void Committed(IReadOnlyList<Ticket> changed)
    {
        foreach (var ticket in changed)
            _queue.Writer.TryWrite(IndexedTicket.From(ticket));
        Interlocked.Add(ref _queued, changed.Count);
    }

    /// <summary>Waits (briefly) until every change committed before the call is searchable: a search sees its own writes.</summary>
    public void WaitForCommitted(TimeSpan wait)
    {
        var target = Interlocked.Read(ref _queued);
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        lock (_progress)
        {
            while (_indexed < target && Stopwatch.GetTimestamp() < until)
                Monitor.Wait(_progress, TimeSpan.FromMilliseconds(20));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start-up never waits for the index
        TicketIndex? index = null;
        try
        {
            index = Open();
            _ready = index;
            await FollowAsync(index, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The search index stopped; search answers 'indexing' until the bot restarts");
        }
        finally
        {
            _ready = null;
            if (index is not null)
                Close(index);
        }
    }

    private TicketIndex Open()
    {
        var started = Stopwatch.StartNew();
        var index = new TicketIndex(location.Open(), out var fresh);
        var (count, highest) = gate.Read(s => (s.Tickets.Count(), s.Tickets.HighestNumber()));
        if (!fresh && index.Count > count)
        {
            index.Clear(); // holds tickets the store does not: the store was replaced, so the index is rebuilt
            fresh = true;
        }
        // LiteDB keeps dates to the millisecond; a margin re-indexes a few tickets rather than miss one
        var since = fresh || index.Stamp == DateTime.MinValue ? DateTime.MinValue : index.Stamp.AddMilliseconds(-1);
        var done = 0;
        for (var low = 1; low <= highest; low += Page)
        {
            var from = low;
            var page = gate.Read(s => s.Tickets.Range(from, from + Page - 1, since).Select(IndexedTicket.From).ToList());
            foreach (var ticket in page)
                index.Upsert(ticket);
            done += page.Count;
        }
        index.Commit();
        index.Refresh();
        logger.LogInformation("Search index {How}: {Count} tickets indexed in {Elapsed} ms", fresh ? "built" : "caught up", done, started.ElapsedMilliseconds);
        return index;
    }

    private async Task FollowAsync(TicketIndex index, CancellationToken stoppingToken)
    {
        var lastCommit = Stopwatch.StartNew();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = Take();
            try
            {
                foreach (var ticket in batch)
                    index.Upsert(ticket);
                index.Refresh();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // one bad batch must not stop indexing; its tickets are indexed again at the next start
                logger.LogError(e, "Indexing {Count} ticket changes failed", batch.Count);
            }
            lock (_progress)
            {
                _indexed += batch.Count;
                Monitor.PulseAll(_progress);
            }
            // idle: commit now; busy: at most once a second (a crash in between is caught up at the next start)
            if (_queue.Reader.Count == 0 || lastCommit.Elapsed >= CommitEvery)
            {
                index.Commit();
                lastCommit.Restart();
            }
        }
    }

    private List<IndexedTicket> Take()
    {
        var batch = new List<IndexedTicket>();
        while (batch.Count < Page && _queue.Reader.TryRead(out var ticket))
            batch.Add(ticket);
        return batch;
    }

    private void Close(TicketIndex index)
    {
        try
        {
            foreach (var ticket in Take())
                index.Upsert(ticket);
            index.Commit();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The search index could not commit on shutdown; it catches up at the next start");
        }
        index.Dispose();
    }
}
