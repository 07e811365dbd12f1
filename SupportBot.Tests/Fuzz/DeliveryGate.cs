namespace SupportBot.Tests.Fuzz;

/// <summary>
/// Holds the bot's writes to Slack (posts, updates, modals, response URLs) while closed, so delivered outbox
/// messages are not deleted in the middle of a before/after store comparison. Reads pass, so event handlers run.
/// </summary>
public sealed class DeliveryGate
{
    private static readonly string[] ReadPrefixes = ["conversations.", "users.", "usergroups.", "auth.", "team.", "bots."];
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    /// <summary>A handler for the Slack client's pipeline (a new one each time the factory builds it).</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(DeliveryGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : "";
            if (!ReadPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal)))
                await gate._open.Task.WaitAsync(cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
