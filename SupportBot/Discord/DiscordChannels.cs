using System.Collections.Concurrent;

namespace SupportBot.Discord;

/// <summary>
/// What the bot knows of the server's channels from the Gateway (GUILD_CREATE, CHANNEL_ and THREAD_ events) and its own
/// calls: which thread hangs under which channel (a forum post under its forum), its name, and which threads exist, so
/// a thread is started on a customer's message once. In memory: GUILD_CREATE tells it all again after a restart, and
/// a thread started before the restart is found by Discord's "already created" answer.
/// </summary>
public sealed class DiscordChannels
{
    private readonly ConcurrentDictionary<string, Known> _channels = new(StringComparer.Ordinal);

    public void Seen(string id, string? parentId, string? name) =>
        _channels.AddOrUpdate(id, _ => new Known(parentId, name), (_, old) => new Known(parentId ?? old.ParentId, name ?? old.Name));

    public bool Exists(string id) => _channels.ContainsKey(id);

    public string? ParentOf(string id) => _channels.TryGetValue(id, out var known) ? known.ParentId : null;

    public string? NameOf(string id) => _channels.TryGetValue(id, out var known) ? known.Name : null;

    private sealed record Known(string? ParentId, string? Name);
}
