using LiteDB;
using SupportBot.Customers;
using SupportBot.Dashboard.Auth;
using SupportBot.Email;
using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Events;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.LiteDb;

/// <summary>
/// How the bot maps its documents. The records themselves carry no LiteDB attributes: which member is a document's
/// <c>_id</c>, and which computed members are not stored, is said here, the one mapper every engine instance uses.
/// </summary>
public static class LiteDbFactory
{
    /// <summary>
    /// One mapper for every data file the process opens (a reopen after a failure, the backup's copy, a test's many
    /// apps): building one compiles accessors for every property of every record, and LiteDB's mappers are made to be
    /// shared (its own <c>BsonMapper.Global</c> is).
    /// </summary>
    public static BsonMapper Mapper => SharedMapper.Value;

    private static readonly Lazy<BsonMapper> SharedMapper = new(CreateMapper);

    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        // LiteDB hands dates back in local time; the bot thinks in UTC instants only.
        mapper.RegisterType(
            serialize: (DateTime d) => new BsonValue(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            deserialize: b => b.AsDateTime.ToUniversalTime());
        MapKeys(mapper);
        Prebuild(mapper, [typeof(Ticket), typeof(OutboxMessage), typeof(OutboxLane), typeof(IntakeKey), typeof(StoredEvent),
            typeof(DeadLetter), typeof(Customer), typeof(SignIns.Grant), typeof(MailboxCursor), typeof(HomeTabs.HomeTab)]);
        return mapper;
    }

    /// <summary>
    /// Builds the mapper of every record type reachable from the stored ones, here, on one thread. LiteDB builds them
    /// lazily and publishes one before its members are filled in: two engines mapping a type for the first time at
    /// once (a test's many apps opening their files) made one of them enumerate a list still being filled ("Collection
    /// was modified"), and a data file that was fine was refused as unreadable.
    /// </summary>
    private static void Prebuild(BsonMapper mapper, IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                    pending.Push(argument);
                continue;
            }
            if (type.IsArray && type.GetElementType() is { } element)
                pending.Push(element);
            if (!type.IsClass || type.Namespace?.StartsWith("SupportBot", StringComparison.Ordinal) != true || !seen.Add(type)
                || type.GetConstructor(Type.EmptyTypes) is null)
                continue;
            mapper.ToDocument(type, Activator.CreateInstance(type));
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                pending.Push(property.PropertyType);
        }
    }

    /// <summary>Each record's key; numbers are given by the bot (its sequences), except dead letters', which LiteDB counts.</summary>
    private static void MapKeys(BsonMapper mapper)
    {
        mapper.Entity<Ticket>().Id(t => t.Number, autoId: false).Ignore(t => t.Talks);
        mapper.Entity<Conversation>().Ignore(c => c.Count);
        mapper.Entity<OutboxMessage>().Id(m => m.Id, autoId: false);
        mapper.Entity<OutboxLane>().Id(l => l.Lane, autoId: false);
        mapper.Entity<IntakeKey>().Id(k => k.Id);
        mapper.Entity<StoredEvent>().Id(e => e.EventId);
        mapper.Entity<DeadLetter>().Id(l => l.Id, autoId: true);
        mapper.Entity<Customer>().Id(c => c.Key).Ignore(c => c.EditedInSlack);
        mapper.Entity<SignIns.Grant>().Id(g => g.Hash, autoId: false);
        mapper.Entity<MailboxCursor>().Id(c => c.Mailbox);
        mapper.Entity<HomeTabs.HomeTab>().Id(t => t.UserId, autoId: false);
    }
}
