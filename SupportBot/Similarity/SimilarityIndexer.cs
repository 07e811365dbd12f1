using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// Keeps <see cref="TicketVectors"/> in step with the store, off the request path, as the search indexer does: committed
/// changes are queued (<see cref="CommittedTickets"/>) and embedded here. At start it
/// loads the vector file, reads every ticket's facts from the store in pages, and embeds those whose text is new or
/// changed in the background; fresh changes go first, so a new ticket is compared within a moment even while an old
/// backlog is embedded. A new ticket is then checked against the open ones of its customer (<see cref="DuplicateSuggestion"/>).
/// </summary>
public sealed class SimilarityIndexer(IStoreGate gate, CommittedTickets committed, TicketVectors vectors, SimilarityLocation location,
    DuplicateSuggestion suggestion, IOptions<SimilarityOptions> options, ILogger<SimilarityIndexer> logger) : BackgroundService
{
    private const int Page = 1000;
    /// <summary>Texts embedded per model call: batching halves the time per ticket, and a batch takes ~0.2 s.</summary>
    private const int Batch = 16;

    private readonly ChannelReader<TicketFacts> _queue = committed.Reader;
    /// <summary>The numbers only: their facts are in <see cref="TicketVectors"/>, once, with the strings they share.</summary>
    private readonly Queue<int> _backlog = new();
    private VectorFile? _file;
    private volatile int _backlogAtStart = -1;
    private int _embedded;

    /// <summary>How many tickets the start found without a current vector; -1 until it has looked.</summary>
    public int BacklogAtStart => _backlogAtStart;

    /// <summary>Tickets embedded by this process.</summary>
    public int Embedded => Volatile.Read(ref _embedded);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        await Task.Yield(); // start-up never waits for the model or the vectors
        try
        {
            Open();
            await FollowAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Similarity indexing stopped; similar tickets are BM25's alone until the bot restarts");
        }
        finally
        {
            _file?.Dispose();
        }
    }

    private void Open()
    {
        var started = Stopwatch.StartNew();
        if (location.File is { } path)
        {
            _file = new VectorFile(path);
            foreach (var v in _file.Load())
                vectors.Store(v);
        }
        var highest = gate.Read(s => s.Tickets.HighestNumber());
        for (var low = 1; low <= highest; low += Page)
        {
            var from = low;
            var page = gate.Read(s => s.Tickets.Range(from, from + Page - 1, DateTime.MinValue).Select(TicketFacts.From).ToList());
            foreach (var facts in page)
            {
                vectors.Describe(facts);
                if (!vectors.IsCurrent(facts))
                    _backlog.Enqueue(facts.Number);
            }
        }
        _backlogAtStart = _backlog.Count;
        logger.LogInformation("Similarity: {Loaded} vectors loaded, {Backlog} tickets to embed ({Elapsed} ms)",
            vectors.Count, _backlog.Count, started.ElapsedMilliseconds);
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            if (_queue.Count == 0 && _backlog.Count == 0 && !await _queue.WaitToReadAsync(stoppingToken))
                return;
            var fresh = Take(stoppingToken);
            try
            {
                Embed(fresh, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // one bad batch must not stop the rest; its tickets are embedded again at the next start
                logger.LogError(e, "Embedding {Count} tickets failed", fresh.Count);
            }
        }
    }

    /// <summary>Committed changes first (their facts are current at once), then the start's backlog.</summary>
    private List<TicketFacts> Take(CancellationToken stoppingToken)
    {
        var batch = new Dictionary<int, TicketFacts>();
        while (batch.Count < Batch && _queue.TryRead(out var facts))
        {
            vectors.Describe(facts);
            batch[facts.Number] = facts;
        }
        while (batch.Count < Batch && _backlog.TryDequeue(out var number))
        {
            if (vectors.Facts(number) is { } described) // the latest committed: a change since start has the newer text
                batch.TryAdd(number, described);
        }
        stoppingToken.ThrowIfCancellationRequested();
        return [.. batch.Values];
    }

    private void Embed(List<TicketFacts> batch, CancellationToken stoppingToken)
    {
        var stale = Texts(batch.Where(f => !vectors.IsCurrent(f)));
        var embedded = SentenceEmbedder.Embed(stale.Select(s => s.Text).ToList(), stoppingToken);
        var stored = stale.Select((s, i) => new TicketVector(s.Facts.Number, s.Facts.Fingerprint, embedded[i])).ToList();
        foreach (var v in stored)
            vectors.Store(v);
        Interlocked.Add(ref _embedded, stored.Count);
        Persist(stored);
        foreach (var s in stale)
            suggestion.Check(s.Facts);
    }

    /// <summary>
    /// The texts to embed, read now (the facts keep only their fingerprint), with the facts they are of: a change
    /// committed since the facts were queued gives the newer text, whose own queued facts then find it current.
    /// </summary>
    private List<(TicketFacts Facts, string Text)> Texts(IEnumerable<TicketFacts> stale)
    {
        var numbers = stale.Select(f => f.Number).ToList();
        if (numbers.Count == 0)
            return [];
        var texts = new List<(TicketFacts, string)>(numbers.Count);
        foreach (var ticket in gate.Read(s => numbers.Select(s.Tickets.Find).OfType<Ticket>().ToList())) // a deleted one has nothing to embed
        {
            var text = TicketFacts.TextOf(ticket);
            texts.Add((TicketFacts.From(ticket, text), text));
        }
        return texts;
    }

    private void Persist(List<TicketVector> stored)
    {
        if (_file is null || stored.Count == 0)
            return;
        try
        {
            _file.Append(stored);
            if (_file.NeedsCompacting(vectors.Count))
                _file.Compact(vectors.All());
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "The vector file {Path} could not be written; those tickets are embedded again at the next start", _file.Path);
        }
    }
}
