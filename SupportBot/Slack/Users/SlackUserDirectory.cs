using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;

namespace SupportBot.Slack.Users;

/// <summary>
/// People's display names from <c>users.info</c>, kept for <see cref="SlackOptions.UserNamesLifetime"/>. Slack
/// Connect (external) users answer the same way. Request handlers only read what is known (<see cref="Known"/>) and
/// queue the rest for <see cref="UserNameWarmer"/>; only background work (outbox delivery) waits for Slack.
/// </summary>
public sealed class SlackUserDirectory(SlackApiClient slack, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackUserDirectory> logger)
{
    /// <summary>
    /// How long a failed lookup (an unknown user, a 429, Slack down) is remembered: long enough not to ask again for
    /// every message, short enough that the name shows soon after Slack answers again.
    /// </summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, CachedName> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);
    private readonly Channel<string> _wanted = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The name the cache holds (a stale one too, while it is refreshed), never calling Slack; null if none.</summary>
    public string? Known(string userId)
    {
        if (!SlackIds.IsUser(userId))
            return null;
        var found = _names.TryGetValue(userId, out var cached);
        if (!found || cached!.ExpiresAt <= Now)
            Want(userId);
        return cached?.Name;
    }

    /// <summary>The name if the cache knows it, else the id: for pages and answers rendered while a request waits.</summary>
    public string Display(string userId) => Known(userId) ?? userId;

    /// <summary>User text with its mentions as <c>@name</c> from the cache, not escaped (<see cref="MentionNames.Readable"/>).</summary>
    public string Readable(string? text) => MentionNames.Readable(text, Known);

    /// <summary>The name, asking Slack when the cache has none or an expired one; null when Slack does not say.</summary>
    public async Task<string?> NameAsync(string userId, CancellationToken cancellationToken)
    {
        if (!SlackIds.IsUser(userId))
            return null;
        _names.TryGetValue(userId, out var cached);
        if (cached is not null && cached.ExpiresAt > Now)
            return cached.Name;
        try
        {
            var answer = await slack.CallFormAsync("users.info", [new("user", userId)], cancellationToken);
            var name = DisplayName(answer);
            _names[userId] = new CachedName(name, Now + options.Value.UserNamesLifetime);
            return name;
        }
        catch (SlackApiException e)
        {
            logger.LogInformation("users.info for {User} failed ({Error}); showing {Shown} for now", userId, e.Error,
                cached?.Name is null ? "the id" : "the last known name");
            // a known name outlives a failed refresh; a failure is retried after Slack's Retry-After or a minute
            _names[userId] = new CachedName(cached?.Name, Now + (e.RetryAfter ?? FailureLifetime));
            return cached?.Name;
        }
    }

    /// <summary>Queues a lookup for <see cref="UserNameWarmer"/>, once per id while it waits.</summary>
    public void Want(string userId)
    {
        if (SlackIds.IsUser(userId) && _queued.TryAdd(userId, 0))
            _wanted.Writer.TryWrite(userId);
    }

    internal async IAsyncEnumerable<string> WantedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var id in _wanted.Reader.ReadAllAsync(cancellationToken))
        {
            _queued.TryRemove(id, out _);
            yield return id;
        }
    }

    /// <summary>What Slack shows: the profile's display name, else the real name, else the account name.</summary>
    public static string? DisplayName(JsonElement answer)
    {
        if (!answer.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
            return null;
        var profile = user.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return First(Str(profile, "display_name"), Str(profile, "real_name"), Str(user, "real_name"), Str(user, "name"));
    }

    private static string? First(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed record CachedName(string? Name, DateTime ExpiresAt);
}
