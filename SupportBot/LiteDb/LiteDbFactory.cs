using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>How the bot maps its documents.</summary>
public static class LiteDbFactory
{
    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        // LiteDB hands dates back in local time; the bot thinks in UTC instants only.
        mapper.RegisterType(
            serialize: (DateTime d) => new BsonValue(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            deserialize: b => b.AsDateTime.ToUniversalTime());
        return mapper;
    }
}
