using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>
/// The load balancer in front of several app processes, as Slack reaches them: each request goes to the replica it is
/// given, and one that fails there (the process died under it, or refuses connections) is sent again to another
/// live replica, like a proxy's retry or Slack's own. A replica that failed once is taken out of rotation.
/// </summary>
public sealed class ReplicaBalancer : IDisposable
{
    private readonly List<(AppProcess App, HttpClient Http, SlackRequests Requests)> _replicas = [];
    private readonly HashSet<int> _down = [];
    private int _retried;

    public ReplicaBalancer(IEnumerable<AppProcess> replicas)
    {
        foreach (var app in replicas)
            Add(app);
    }

    /// <summary>Requests that failed on their replica and were sent to another.</summary>
    public int Retried => Volatile.Read(ref _retried);

    public int Count => _replicas.Count;

    public void Add(AppProcess app)
    {
        var http = app.Client();
        lock (_replicas)
            _replicas.Add((app, http, new SlackRequests(http, TestSettings.Secret, () => DateTimeOffset.UtcNow)));
    }

    /// <summary>
    /// Sends through replica <paramref name="preferred"/> (modulo the count), failing over to the others in turn;
    /// returns the index of the replica that answered.
    /// </summary>
    public async Task<int> SendAsync(int preferred, Func<SlackRequests, Task> send)
    {
        List<(AppProcess App, HttpClient Http, SlackRequests Requests)> replicas;
        lock (_replicas)
            replicas = [.. _replicas];
        for (var attempt = 0; attempt < replicas.Count; attempt++)
        {
            var index = (preferred + attempt) % replicas.Count;
            if (IsDown(index))
                continue;
            try
            {
                await send(replicas[index].Requests);
                return index;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // the replica died under this request, which it therefore never acknowledged
                lock (_down)
                    _down.Add(index);
                Interlocked.Increment(ref _retried);
            }
        }
        throw new InvalidOperationException("no replica answered");
    }

    private bool IsDown(int index)
    {
        lock (_down)
            return _down.Contains(index);
    }

    public void Dispose()
    {
        foreach (var (_, http, _) in _replicas)
            http.Dispose();
    }
}
