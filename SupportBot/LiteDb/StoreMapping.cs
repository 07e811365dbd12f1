using System.Collections;
using System.Reflection;
using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// LiteDB 5.0.21 builds a type's BSON mapping on first use and publishes it before it is complete
/// (litedb-org/LiteDB#2536, #2563). A thread using the type at that moment sees no <c>_id</c> and no fields: it
/// inserts a document keyed by an ObjectId (after which every insert of the collection fails) or drops fields.
/// Mapping each stored type, and the types inside it, while the database opens, before other threads can use it,
/// closes that window.
/// </summary>
public static class StoreMapping
{
    public static void Prepare<T>(LiteDatabase database) where T : class, new() => Prepare(database.Mapper, typeof(T), []);

    private static void Prepare(BsonMapper mapper, Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.GetConstructor(Type.EmptyTypes) is null)
            return;
        mapper.ToDocument(type, Activator.CreateInstance(type)!);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = property.PropertyType;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
                MapList(mapper, t, t.GetGenericArguments()[0]);
            var inner = t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : t;
            if (inner.IsClass && !inner.IsAbstract && inner.Assembly == type.Assembly)
                Prepare(mapper, inner, seen);
        }
    }

    /// <summary>
    /// Maps a <c>List&lt;T&gt;</c> with its item type known once: LiteDB 5.0.21 finds a list's item type by
    /// reflection on every list of every document it writes or reads (a tenth of an SLA sweep's CPU time, with a
    /// ticket's five lists). The items are mapped as before, by the mapper and their declared type. Registering a
    /// list type again (two properties of one type) replaces the same mapping.
    /// </summary>
    private static void MapList(BsonMapper mapper, Type listType, Type itemType)
    {
        mapper.RegisterType(listType,
            serialize: value =>
            {
                var array = new BsonArray();
                foreach (var item in (IList)value)
                    array.Add(mapper.Serialize(itemType, item));
                return array;
            },
            deserialize: bson =>
            {
                var list = (IList)Activator.CreateInstance(listType)!;
                foreach (var item in bson.AsArray)
                    list.Add(mapper.Deserialize(itemType, item));
                return list;
            });
    }
}
