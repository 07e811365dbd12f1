using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace SupportBot.Ai;

/// <summary>What the model said, or why there is nothing (in words an engineer can act on).</summary>
public sealed record ModelAnswer(string? Text, string? Failure)
{
    public bool Ok => Text is not null;
}

/// <summary>
/// One chat call to the configured endpoint through Microsoft.Extensions.AI, bounded by <c>Ai:Timeout</c>. It never
/// throws for the endpoint's sake: a timeout, a refusal or an answer that is not one comes back as a
/// <see cref="ModelAnswer.Failure"/>. Every call is logged with the ticket, purpose, duration and outcome, never its text.
/// </summary>
public sealed class ModelClient(IOptions<AiOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<ModelClient> logger)
{
    public const string HttpClientName = "ai";

    private readonly Lazy<IChatClient> _chat = new(() => Create(options.Value, http.CreateClient(HttpClientName)));

    public async Task<ModelAnswer> AskAsync(AiPurpose purpose, int ticket, string instructions, string content, CancellationToken stopping)
    {
        var limit = options.Value.Timeout;
        // the app's clock, so a test's fake clock decides when a slow endpoint has taken too long
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        var started = time.GetTimestamp();
        ModelAnswer answer;
        try
        {
            var response = await _chat.Value.GetResponseAsync(
                [new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, content)],
                new ChatOptions { Temperature = 0.2f }, linked.Token);
            answer = string.IsNullOrWhiteSpace(response.Text)
                ? new ModelAnswer(null, "the model answered with no text")
                : new ModelAnswer(response.Text.Trim(), null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            answer = new ModelAnswer(null, $"the model did not answer within {limit.TotalSeconds:0.#} s (Ai:Timeout)");
        }
        catch (ClientResultException e) when (e.Status > 0)
        {
            answer = new ModelAnswer(null, $"the model's server answered HTTP {e.Status}");
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            // the exception's message may quote the server's body: only its kind is kept
            answer = new ModelAnswer(null, e is HttpRequestException ? "the model's server could not be reached" : "the model's server sent an answer that is not a chat completion");
        }
        var took = time.GetElapsedTime(started);
        if (answer.Ok)
            logger.LogInformation("AI {Purpose} for ticket #{Ticket}: answered in {Ms} ms ({Chars} characters)", purpose, ticket, (long)took.TotalMilliseconds, answer.Text!.Length);
        else
            logger.LogWarning("AI {Purpose} for ticket #{Ticket}: failed after {Ms} ms: {Failure}", purpose, ticket, (long)took.TotalMilliseconds, answer.Failure);
        return answer;
    }

    private static IChatClient Create(AiOptions ai, HttpClient client)
    {
        // the model call's own bound is Ai:Timeout (above); HttpClient's and the SDK's defaults would cut it at 100 s
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        var settings = new OpenAIClientOptions
        {
            Endpoint = new Uri(ai.Endpoint!),
            Transport = new HttpClientPipelineTransport(client),
            // one try: a retry would double the engineer's wait, and the outbox already answers them either way
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = ai.Timeout + TimeSpan.FromSeconds(5),
        };
        // a server without keys still needs a non-empty credential for the SDK; it is sent, and ignored there
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(ai.ApiKey) ? "none" : ai.ApiKey);
        return new OpenAI.Chat.ChatClient(ai.Model, key, settings).AsIChatClient();
    }
}
