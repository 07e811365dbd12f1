using SupportBot.Storage;

namespace SupportBot.Storage;

/// <summary>A command-line verb that works on the store (<c>outbox</c>, <c>deadletters</c>): on LiteDB with the bot stopped, on PostgreSQL beside it.</summary>
public interface IStoreVerb
{
    string Name { get; }

    /// <summary>Runs with the words after the verb; returns the exit code.</summary>
    int Run(IStoreSession store, IReadOnlyList<string> args, DateTime now, TextWriter output);
}
