using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Makes the LiteDB engine for a connection string. The app opens the file itself; tests swap in an engine over
/// streams whose disk they can fill, to play a full disk with the real engine.
/// </summary>
public delegate LiteDatabase LiteDbOpener(ConnectionString connection, BsonMapper mapper);
