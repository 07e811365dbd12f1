using SupportBot.Storage;

namespace SupportBot.Storage;

/// <summary>
/// A command-line verb that works on the store (<c>outbox</c>, <c>deadletters</c>), in one store write: on LiteDB in the
/// command's own process with the bot stopped, else run by the running bot (which holds the file) on the command's
/// request; on PostgreSQL beside the running replicas.
/// </summary>
public interface IStoreVerb
{
    string Name { get; }

    /// <summary>Runs with the words after the verb; returns the exit code.</summary>
    int Run(IStoreSession store, IReadOnlyList<string> args, DateTime now, TextWriter output);
}
