using LiteDB;
using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteOutboxRows(LiteDatabase db) : IOutboxRows
{
    public const string Collection = "outbox";

    private ILiteCollection<OutboxMessage> Messages => db.GetCollection<OutboxMessage>(Collection);

    /// <summary>
    /// Ids from a stored sequence, so they never repeat: LiteDB's own auto-id restarts from the highest id left in
    /// the collection, which is 1 again once the outbox has drained, and a worker or a Slack message tagged with an
    /// earlier id would take a new message for an old one. Runs inside the enqueueing write, under the store's lock,
    /// so ids also grow in commit order.
    /// </summary>
    public void Insert(OutboxMessage message)
    {
        message.Id = StoreSequence.Next(db, Collection, HighestId);
        Messages.Insert(message);
    }

    public void InsertMany(IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages)
            Insert(message);
    }

    // a store from before the sequence existed continues after its highest queued id
    private long HighestId() =>
        Messages.Query().OrderByDescending(m => m.Id).Select(m => m.Id).Limit(1).ToList() is [var id] ? id : 0L;

    public void Update(OutboxMessage message) => Messages.Update(message);

    public void Delete(long id) => Messages.Delete(id);

    public List<OutboxMessage> PendingAfter(long afterId, int limit) =>
        Messages.Query().Where(m => m.Id > afterId && !m.Failed).OrderBy(m => m.Id).Limit(limit).ToList();

    /// <summary>One process, one clock: the stored expiry is already on the reader's clock.</summary>
    public List<OutboxMessage> PendingIn(IReadOnlyCollection<string> lanes, DateTime now, int perLane) =>
        Messages.Find(Query.And(Query.EQ(nameof(OutboxMessage.Failed), false), Query.In(nameof(OutboxMessage.Lane), lanes.Select(l => new BsonValue(l)))))
            .GroupBy(m => m.Lane).SelectMany(lane => lane.OrderBy(m => m.Id).Take(perLane)).OrderBy(m => m.Id).ToList();

    private ILiteCollection<OutboxLane> Lanes => db.GetCollection<OutboxLane>(LanesCollection);

    public const string LanesCollection = "outbox_lanes";

    /// <summary>
    /// The same rules as on PostgreSQL, on the app's clock (<paramref name="now"/>): one process holds every lane, so
    /// only the contract tests call it.
    /// </summary>
    public List<LaneHold> ClaimLanes(string owner, DateTime now, TimeSpan lease, int limit)
    {
        var pending = Messages.Find(m => !m.Failed).Select(m => m.Lane).ToHashSet(StringComparer.Ordinal);
        var lanes = Lanes.FindAll().ToDictionary(l => l.Lane, StringComparer.Ordinal);
        foreach (var lane in pending.Where(l => !lanes.ContainsKey(l)))
            Lanes.Insert(lanes[lane] = new OutboxLane { Lane = lane });
        var held = new List<LaneHold>();
        foreach (var lane in lanes.Values.OrderBy(l => l.Lane, StringComparer.Ordinal))
        {
            var mine = lane.Owner == owner;
            if ((mine || lane.LeaseUntil < now) && !pending.Contains(lane.Lane))
                Lanes.Delete(lane.Lane);
            else if (mine || (lane.LeaseUntil < now && limit-- > 0))
            {
                lane.Version += mine ? 0 : 1;
                lane.Owner = owner;
                lane.LeaseUntil = now + lease;
                Lanes.Update(lane);
                held.Add(new LaneHold(lane.Lane, lane.Version));
            }
        }
        return held;
    }

    public void ReleaseLanes(string owner, DateTime now, TimeSpan pause)
    {
        foreach (var lane in Lanes.Find(l => l.Owner == owner).ToList())
        {
            lane.Owner = null;
            lane.LeaseUntil = now + pause;
            lane.Version++;
            Lanes.Update(lane);
        }
    }

    public bool Holds(string owner, LaneHold hold, DateTime now, TimeSpan margin) =>
        Lanes.FindById(hold.Lane) is { } lane && lane.Owner == owner && lane.Version == hold.Version && lane.LeaseUntil > now + margin;

    // /health and /metrics count on every call, under the store's lock, and a Slack outage is when the backlog is
    // large: a filtered count would read every queued message. An unfiltered count reads only the _id index, and
    // the set-aside index holds only the set-aside messages, so queuing and delivering a message pay nothing for
    // it. (A plain index on Failed would also be picked for the worker's `Failed = false` and cost it 30%.)
    private static readonly LiteSparseIndex SetAsideIndex = new("SetAside", "$.Failed", "@ = true");

    private static BsonExpression IsSetAside => SetAsideIndex.Where("=", true);

    public int CountPending() => Messages.Count() - CountSetAside();

    public int CountSetAside() => Messages.Count(IsSetAside);

    public List<OutboxMessage> SetAside() => Messages.Find(IsSetAside).OrderBy(m => m.Id).ToList();

    /// <summary>Maps <see cref="OutboxMessage"/> when the database opens: the worker and requests first use it at the same time.</summary>
    public static void Prepare(LiteDatabase db)
    {
        StoreMapping.Prepare<OutboxMessage>(db);
        StoreMapping.Prepare<OutboxLane>(db);
        SetAsideIndex.Ensure(db.GetCollection(Collection));
    }
}
