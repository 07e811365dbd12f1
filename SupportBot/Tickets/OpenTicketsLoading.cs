namespace SupportBot.Tickets;

/// <summary>How <see cref="OpenTicketsLoader"/> paces its load; a test holds the load between two chunks here.</summary>
public class OpenTicketsLoading
{
    /// <summary>
    /// Open tickets per query: LiteDB pins every page a query reads until it ends, about a page per open ticket, so a
    /// chunk of 2,000 holds some 16 MB where one query over 170,000 open tickets held 1.5 GB.
    /// </summary>
    public virtual int ChunkSize => 2000;

    /// <summary>How long a request that needs the open tickets waits for the load before reading them itself.</summary>
    public virtual TimeSpan LongestWait => TimeSpan.FromSeconds(30);

    /// <summary>Between two chunks: a turn of the store's lock for the requests waiting on it.</summary>
    public virtual async Task BetweenChunksAsync(CancellationToken cancellationToken) => await Task.Yield();
}
