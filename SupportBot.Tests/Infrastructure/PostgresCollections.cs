namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// The tests on a real PostgreSQL, in three chains that run beside each other. Each test has a database of its own;
/// a collection only keeps its tests one after the other. One chain of all of them was the suite's critical path
/// (4.3 of its 5.9 minutes, the last 75 s with nothing else left to run).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>Replicas as real processes, paused and killed: the longest chain, started first (<see cref="LongChainsFirst"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresProcessesCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres processes";
}

/// <summary>The command-line store verbs and the LiteDB → PostgreSQL copy, each starting processes of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCommandLineCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres command line";
}
