using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using SupportBot.Tickets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SupportBot.Search;

/// <summary>
/// The Lucene.NET full-text index of tickets: BM25 over subject, description, notes, resolution and tags. One writer for
/// the process; searches see its changes through a near-real-time <see cref="SearcherManager"/>. The commit data
/// holds the newest <see cref="Ticket.UpdatedAt"/> indexed, so a restart catches up from there.
/// </summary>
public sealed class TicketIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Number = "number", Subject = "subject", Description = "description", Notes = "notes",
        Resolution = "resolution", Status = "status", Customer = "customer", Tag = "tag", Source = "source";
    private const string StampKey = "updated", SchemaKey = "schema", Schema = "3";
    // the tags are words like the rest, so "billing" finds a ticket tagged billing and so does tag:billing
    private static readonly string[] TextFields = [Subject, Description, Notes, Resolution, Tag];

    /// <summary>A dozen telling words find a ticket's likes; a 3,000-character description would be a huge, slow query.</summary>
    private const int MaxLikeTerms = 12;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    /// <param name="fresh">Whether the index had to be created (missing, unreadable or of an older schema).</param>
    public TicketIndex(LuceneDirectory directory, out bool fresh)
    {
        _directory = directory;
        fresh = !Readable(directory);
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = fresh ? OpenMode.CREATE : OpenMode.APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 32,
        };
        _writer = new IndexWriter(directory, config);
        if (fresh)
            _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25Searchers());
    }

    private static bool Readable(LuceneDirectory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return false;
            var infos = new SegmentInfos();
            infos.Read(directory);
            return infos.UserData.TryGetValue(SchemaKey, out var schema) && schema == Schema;
        }
        catch (IOException)
        {
            return false; // a half-written or damaged index is rebuilt, not trusted
        }
    }

    /// <summary>The newest change time indexed as of the last commit; tickets changed since need indexing.</summary>
    public DateTime Stamp =>
        _writer.CommitData.TryGetValue(StampKey, out var ticks) && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t)
            ? new DateTime(t, DateTimeKind.Utc)
            : DateTime.MinValue;

    public int Count => _writer.NumDocs;

    private DateTime _pendingStamp = DateTime.MinValue;

    public void Upsert(IndexedTicket ticket)
    {
        _writer.UpdateDocument(new Term(Number, ticket.Key), Document(ticket));
        if (ticket.UpdatedAt > _pendingStamp)
            _pendingStamp = ticket.UpdatedAt;
    }

    public void Clear() => _writer.DeleteAll();

    /// <summary>Makes indexed changes visible to searches (cheap, no disk flush).</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes them durable, with the newest change time as the catch-up point.</summary>
    public void Commit()
    {
        var stamp = _pendingStamp > Stamp ? _pendingStamp : Stamp;
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [StampKey] = stamp.Ticks.ToString(CultureInfo.InvariantCulture), [SchemaKey] = Schema,
        });
        _writer.Commit();
    }

    private static Document Document(IndexedTicket t)
    {
        var doc = new Document
        {
            new StringField(Number, t.Key, Field.Store.YES),
            new TextField(Subject, t.Subject, Field.Store.YES),
            new TextField(Description, t.Description, Field.Store.NO),
            new TextField(Notes, t.Notes, Field.Store.NO),
            new TextField(Resolution, t.Resolution, Field.Store.NO),
            new TextField(Tag, t.Tags, Field.Store.NO),
            // only asked for by name (source:discord): a plain "email" should not find every mailed ticket
            new TextField(Source, t.Source, Field.Store.NO),
            new StringField(Status, t.Status.ToString(), Field.Store.YES),
        };
        if (t.Customer is not null)
            doc.Add(new StoredField(Customer, t.Customer));
        return doc;
    }

    /// <summary>Best matches for words as typed (Lucene syntax welcome; anything it cannot parse is taken literally).</summary>
    public IReadOnlyList<SearchHit> Search(string words, int max)
    {
        var parser = new MultiFieldQueryParser(Version, TextFields, _analyzer,
            new Dictionary<string, float> { [Subject] = 2f, [Description] = 1f, [Notes] = 1f, [Resolution] = 1f, [Tag] = 2f });
        Query? query;
        try
        {
            query = parser.Parse(words);
        }
        catch (ParseException)
        {
            query = parser.Parse(QueryParserBase.Escape(words));
        }
        return query is null ? [] : Run(query, max);
    }

    /// <summary>Tickets sharing the most telling words with <paramref name="like"/>, optionally only solved (or closed) ones.</summary>
    public IReadOnlyList<SearchHit> Similar(IndexedTicket like, int max, bool solvedOnly)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var terms = Telling(searcher.IndexReader, $"{like.Subject}\n{like.Subject}\n{like.Description}\n{like.Notes}");
            if (terms.Count == 0)
                return [];
            var words = new BooleanQuery { MinimumNumberShouldMatch = Math.Min(2, terms.Count) };
            foreach (var term in terms)
            {
                var anyField = new BooleanQuery();
                foreach (var field in TextFields)
                    anyField.Add(new TermQuery(new Term(field, term)) { Boost = field == Subject ? 2f : 1f }, Occur.SHOULD);
                words.Add(anyField, Occur.SHOULD);
            }
            var query = new BooleanQuery { { words, Occur.MUST }, { new TermQuery(new Term(Number, like.Key)), Occur.MUST_NOT } };
            if (solvedOnly)
                query.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(Status, nameof(TicketStatus.Solved))), Occur.SHOULD },
                    { new TermQuery(new Term(Status, nameof(TicketStatus.Closed))), Occur.SHOULD },
                }, Occur.MUST);
            return Hits(searcher, query, max);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The ticket's most telling terms (frequent in it, rare in the index: tf·idf, as MoreLikeThis picks them): a
    /// word one ticket in ten shares says little about likeness and would make the query score a large part of the index.
    /// </summary>
    private List<string> Telling(IndexReader reader, string text)
    {
        var total = Math.Max(1, reader.NumDocs);
        return Terms(text)
            .Select(t => (Term: t.Key, Df: TextFields.Sum(f => reader.DocFreq(new Term(f, t.Key))), Tf: t.Value))
            .Where(t => t.Df <= total / 10 || total < 100)
            .OrderByDescending(t => t.Tf * Math.Log((double)total / (1 + t.Df)))
            .Take(MaxLikeTerms)
            .Select(t => t.Term)
            .ToList();
    }

    /// <summary>The analyzed terms of a text with how often each occurs.</summary>
    private Dictionary<string, int> Terms(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(Description, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }
        stream.End();
        return counts;
    }

    private List<SearchHit> Run(Query query, int max)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Hits(searcher, query, max);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static List<SearchHit> Hits(IndexSearcher searcher, Query query, int max) =>
        searcher.Search(query, max).ScoreDocs.Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc);
            return new SearchHit(int.Parse(doc.Get(Number), CultureInfo.InvariantCulture), doc.Get(Subject),
                Enum.Parse<TicketStatus>(doc.Get(Status)), doc.Get(Customer));
        }).ToList();

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    /// <summary>Searchers score with BM25, like the writer's norms were computed for.</summary>
    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
