using System.Globalization;

namespace SupportBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits as its headers state them: each route (and channel) belongs to a bucket
/// (<c>X-RateLimit-Bucket</c>) with so many calls left (<c>-Remaining</c>) until it refills (<c>-Reset-After</c>,
/// seconds from now, so skewed clocks do not matter), and a 429 may pause every route (<c>X-RateLimit-Global</c>).
/// A call waits for its bucket instead of being refused: Discord bans a bot that keeps hitting 429s for a while.
/// In memory only: a restart forgets seconds-long windows, costing at most one 429, which is then honoured.
/// </summary>
public sealed class DiscordRateLimits(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketOfRoute = [];
    private readonly Dictionary<string, Bucket> _buckets = [];
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;

    /// <summary>
    /// How long the call on <paramref name="route"/> must wait; <see cref="TimeSpan.Zero"/> means it may go now, and
    /// then one of its bucket's calls is taken, so calls racing on one bucket never overdraw it.
    /// </summary>
    public TimeSpan Reserve(string route)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_globalUntil > now)
                return _globalUntil - now;
            if (!_buckets.TryGetValue(BucketKey(route), out var bucket) || bucket.ResetAt <= now)
                return TimeSpan.Zero; // not known yet, or refilled: the answer's headers say what is left
            if (bucket.Remaining <= 0)
                return bucket.ResetAt - now;
            bucket.Remaining--;
            return TimeSpan.Zero;
        }
    }

    /// <summary>Takes in what an answer's headers say about its bucket (and a global 429's pause).</summary>
    public void Learn(string route, HttpResponseMessage response, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } hash)
                _bucketOfRoute[route] = hash;
            if ((int)response.StatusCode == 429 && retryAfter is { } pause)
            {
                if (Header(response, "X-RateLimit-Global") is { } global && global.Equals("true", StringComparison.OrdinalIgnoreCase))
                    _globalUntil = now + pause;
                else
                    _buckets[BucketKey(route)] = new Bucket(0, now + pause);
                return;
            }
            if (Seconds(Header(response, "X-RateLimit-Reset-After")) is { } resetAfter
                && int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
                _buckets[BucketKey(route)] = new Bucket(remaining, now + resetAfter);
        }
    }

    /// <summary>A bucket is shared by routes with one hash, but counted per channel or guild (the route's major id).</summary>
    private string BucketKey(string route)
    {
        var major = route.Split(' ', 2)[1].Split('/', 4) is { Length: >= 3 } parts ? $"/{parts[1]}/{parts[2]}" : "";
        return _bucketOfRoute.TryGetValue(route, out var hash) ? $"{hash}{major}" : route;
    }

    public static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? TimeSpan.FromSeconds(s) : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record Bucket(int Remaining, DateTimeOffset ResetAt)
    {
        public int Remaining { get; set; } = Remaining;
    }
}
