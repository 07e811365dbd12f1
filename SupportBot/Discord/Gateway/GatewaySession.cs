namespace SupportBot.Discord.Gateway;

/// <summary>
/// What a RESUME needs, kept across connections: READY's session id and resume URL, and the last event the handler
/// finished. Only a handled event counts, so after a drop Discord replays everything the handler had not finished.
/// </summary>
public sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, int> _failures = [];

    public string? Id { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>The sequence number of the last event handled in this session (null before any).</summary>
    public long? LastHandled { get; private set; }

    public bool CanResume => Id is not null && ResumeUrl is not null;

    public void Started(string id, Uri resumeUrl)
    {
        lock (_lock)
        {
            Id = id;
            ResumeUrl = resumeUrl;
        }
    }

    public void Handled(long sequence)
    {
        lock (_lock)
        {
            LastHandled = sequence;
            _failures.Remove(sequence);
        }
    }

    /// <summary>Counts a failed attempt at the event; returns how many there have been.</summary>
    public int Failed(long sequence)
    {
        lock (_lock)
            return _failures[sequence] = _failures.GetValueOrDefault(sequence) + 1;
    }

    /// <summary>Discord ended the session: the next connection identifies, and its sequence numbers start over.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            Id = null;
            ResumeUrl = null;
            LastHandled = null;
            _failures.Clear();
        }
    }
}
