using System.Diagnostics;
using System.Threading.Channels;
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
    // each commit flushes a segment that merges must later fold in; a crash in between costs a catch-up at start
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);

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

    /// <summary>
    /// Waits (briefly) until every change committed before the call is in the index; a searcher opened after it
    /// returns (<see cref="TicketIndex.Refresh"/>) sees them: a search sees its own writes.
    /// </summary>
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

    /// <summary>
    /// Indexes committed changes as they come. It neither reopens the searcher nor commits per batch: under a burst of
    /// new tickets both ran for every few tickets (a near-real-time reopen, a Lucene commit with its fsyncs, and the
    /// merges of the tiny segments they left), taking CPU from the requests. A search reopens the searcher when it
    /// asks (<see cref="TicketSearch"/>), and the index commits at most once per <see cref="CommitEvery"/> (5 s), or that
    /// long after the last change; what a crash loses in between is caught up at the next start.
    /// </summary>
    private async Task FollowAsync(TicketIndex index, CancellationToken stoppingToken)
    {
        var lastCommit = Stopwatch.StartNew();
        var dirty = false;
        while (true)
        {
            if (dirty && !await ReadableWithinAsync(CommitEvery - lastCommit.Elapsed, stoppingToken))
            {
                Commit();
                continue;
            }
            if (!dirty && !await _queue.Reader.WaitToReadAsync(stoppingToken))
                return;
            var batch = Take();
            try
            {
                foreach (var ticket in batch)
                    index.Upsert(ticket);
                dirty = true;
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
            if (lastCommit.Elapsed >= CommitEvery)
                Commit();
        }

        void Commit()
        {
            index.Commit();
            dirty = false;
            lastCommit.Restart();
        }
    }

    /// <summary>True when a change is queued within <paramref name="wait"/>; false when none came (or none can).</summary>
    private async Task<bool> ReadableWithinAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        if (_queue.Reader.Count > 0)
            return true;
        if (wait <= TimeSpan.Zero)
            return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
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
