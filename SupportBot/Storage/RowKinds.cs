using System.Collections.Frozen;

namespace SupportBot.Storage;

/// <summary>
/// An engine's list of the rows it implements, each made from the engine's own session (<typeparamref name="TSession"/>),
/// and the per-session cache that makes each kind once. Both engines keep one, so a kind one of them lacks fails the
/// store contract tests rather than a request.
/// </summary>
public sealed class RowKinds<TSession>(IEnumerable<KeyValuePair<Type, Func<TSession, object>>> kinds)
{
    private readonly FrozenDictionary<Type, int> _slots = kinds.Select((k, i) => KeyValuePair.Create(k.Key, i)).ToFrozenDictionary();
    private readonly Func<TSession, object>[] _make = kinds.Select(k => k.Value).ToArray();

    public IEnumerable<Type> Kinds => _slots.Keys;

    /// <summary>A cache for one session: one slot per kind, filled on first use.</summary>
    public object?[] NewCache() => new object?[_make.Length];

    public TRows Get<TRows>(TSession session, object?[] cache) where TRows : class
    {
        if (!_slots.TryGetValue(typeof(TRows), out var slot))
            throw new NotSupportedException($"{typeof(TSession).Name} has no {typeof(TRows).Name}: add it to the engine's row kinds.");
        return (TRows)(cache[slot] ??= _make[slot](session));
    }
}
