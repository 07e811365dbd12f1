using System.Text.RegularExpressions;
using SupportBot.Outbox;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// The saved replies: a few dozen short records, read whole. A change and the modal redrawn because of it
/// (the <c>redraw</c> of <see cref="Save"/> and <see cref="Delete"/>) commit together.
/// </summary>
public sealed partial class MacroStore(IStoreGate gate, OutboxSignal signal, TimeProvider time)
{
    public IReadOnlyList<Macro> All() => gate.Read(Sorted);

    public Macro? Named(string name) => gate.Read(s => s.Macros.Find(Macro.KeyOf(name)));

    /// <summary>One word of letters, digits, '-' or '_' (<c>logs</c>, <c>need-logs</c>), so it can be typed after <c>macro</c>.</summary>
    public static bool IsName(string name) => name.Length <= Macro.MaxName && Word().IsMatch(name);

    /// <summary>
    /// Saves a new or edited reply (replacing <paramref name="previousId"/> on a rename); null on success, else why not
    /// (a name another reply has).
    /// </summary>
    public string? Save(string name, string text, TicketStatus? status, string? previousId, string actorId, Func<IReadOnlyList<Macro>, OutboxMessage>? redraw = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var refusal = gate.Write(s =>
        {
            var id = Macro.KeyOf(name);
            if (id != previousId && s.Macros.Find(id) is not null)
                return $"A saved reply named {id} already exists: pick another name or edit that one.";
            var before = previousId is null ? null : s.Macros.Find(previousId);
            if (before is not null && before.Id != id)
                s.Macros.Delete(before.Id);
            s.Macros.Upsert(new Macro
            {
                Id = id, Name = name.Trim(), Text = text, Status = status, CreatedBy = before?.CreatedBy ?? actorId,
                UpdatedBy = actorId, UpdatedAt = now,
            });
            Queue(s, redraw, now);
            return null;
        });
        if (refusal is null && redraw is not null)
            signal.Notify();
        return refusal;
    }

    /// <summary>Deletes the reply (nothing when it is gone already) and queues <paramref name="redraw"/> with it.</summary>
    public void Delete(string id, Func<IReadOnlyList<Macro>, OutboxMessage>? redraw = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        gate.Write(s =>
        {
            s.Macros.Delete(id);
            Queue(s, redraw, now);
        });
        if (redraw is not null)
            signal.Notify();
    }

    /// <summary>The modal redrawn from the replies as they are after the change, in its transaction.</summary>
    private static void Queue(IStoreSession s, Func<IReadOnlyList<Macro>, OutboxMessage>? redraw, DateTime now)
    {
        if (redraw is not null)
            OutboxStore.Enqueue(s, redraw(Sorted(s)), now);
    }

    private static List<Macro> Sorted(IStoreSession s) => s.Macros.All().OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex Word();
}
