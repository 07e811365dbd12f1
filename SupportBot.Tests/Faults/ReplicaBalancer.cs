using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>
/// The load balancer in front of several app processes, as Slack reaches them: each request goes to the replica it is
/// given, and one that fails there (the process died under it, refused the connection or did not answer in time) is
/// sent again to the next live replica, like a proxy's retry or Slack's own. A replica whose process is gone is
/// taken out of rotation.
/// </summary>
public sealed class ReplicaBalancer : IDisposable
{
    private const int Rounds = 3;
    private readonly List<(AppProcess App, HttpClient Http, SlackRequests Requests)> _replicas = [];
    private int _retried;

    public ReplicaBalancer(IEnumerable<AppProcess> replicas)
    {
        foreach (var app in replicas)
        {
            var http = app.Client();
            _replicas.Add((app, http, new SlackRequests(http, TestSettings.Secret, () => DateTimeOffset.UtcNow)));
        }
    }

    /// <summary>Requests that failed on their replica and were sent to another.</summary>
    public int Retried => Volatile.Read(ref _retried);

    /// <summary>
    /// Sends through replica <paramref name="preferred"/> (modulo the count), failing over to the others in turn;
    /// returns the index of the replica that answered.
    /// </summary>
    public async Task<int> SendAsync(int preferred, Func<SlackRequests, Task> send)
    {
        var failures = new List<string>();
        for (var attempt = 0; attempt < Rounds * _replicas.Count; attempt++)
        {
            var index = (preferred + attempt) % _replicas.Count;
            var (app, _, requests) = _replicas[index];
            if (app.HasExited)
                continue;
            try
            {
                await send(requests);
                return index;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not acknowledged there (the replica may have died under it): the balancer tries the next one
                failures.Add($"replica {index}: {e.GetType().Name} {e.Message}");
                Interlocked.Increment(ref _retried);
            }
        }
        throw new InvalidOperationException($"no replica answered:\n{string.Join("\n", failures)}\n" +
            string.Join("\n", _replicas.Select((r, i) => $"--- replica {i} (exited: {r.App.HasExited}) ---\n{r.App.Output}")));
    }

    public void Dispose()
    {
        foreach (var (_, http, _) in _replicas)
            http.Dispose();
    }
}
