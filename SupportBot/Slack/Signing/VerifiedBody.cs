using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SupportBot.Slack.Signing;

/// <summary>Reads a Slack request's raw body and checks its signature before anything parses it.</summary>
public sealed class VerifiedBody(IOptions<SlackOptions> options, TimeProvider time, ILogger<VerifiedBody> logger)
{
    /// <summary>Slack's payloads are a few KB; anything far larger is not from Slack.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body when the request is genuine; otherwise the refusal to send back.</summary>
    public async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await ReadRawAsync(request, cancellationToken);
        if (tooLarge is not null)
            return (null, tooLarge);
        return Verify(request, body!) is { } refusal ? (null, refusal) : (body, null);
    }

    /// <summary>The body, unverified: only for requests that change nothing (Slack's ssl_check).</summary>
    public async Task<(byte[]? Body, IResult? Refusal)> ReadRawAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    /// <summary>Null when the signature is right; otherwise a 401.</summary>
    public IResult? Verify(HttpRequest request, byte[] body)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SigningSecret))
        {
            // Socket Mode without a signing secret: nothing sent over HTTP can be proven to come from Slack
            logger.LogWarning("Refused a request to {Path}: Slack:SigningSecret is not set, so the HTTP endpoints are off (Socket Mode)", request.Path);
            return Results.Problem("This bot runs in Socket Mode without a signing secret; its HTTP endpoints accept nothing.", statusCode: 401);
        }
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        if (SlackSignature.IsValid(o.SigningSecret, timestamp, signature, body, time.GetUtcNow(), o.MaxClockSkew))
            return null;
        logger.LogWarning("Refused a request to {Path}: missing, stale or wrong Slack signature", request.Path);
        return Results.Problem("The Slack signature is missing, stale or wrong.", statusCode: 401);
    }

    /// <summary>A genuine form-encoded body (slash commands, interactivity), parsed.</summary>
    public async Task<(FormCollection? Form, IResult? Refusal)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadAsync(request, cancellationToken);
        return refusal is not null ? (null, refusal) : (Form(body!), null);
    }

    public static FormCollection Form(byte[] body) => new(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)));

    private static IResult TooLarge() => Results.Problem("The request body is larger than any Slack payload.", statusCode: 413);
}
