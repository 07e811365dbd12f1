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
        if (request.ContentLength > MaxBytes)
            return (null, Results.Problem("The request body is larger than any Slack payload.", statusCode: 413));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, Results.Problem("The request body is larger than any Slack payload.", statusCode: 413));
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        var o = options.Value;
        if (!SlackSignature.IsValid(o.SigningSecret, timestamp, signature, body, time.GetUtcNow(), o.MaxClockSkew))
        {
            logger.LogWarning("Refused a request to {Path}: missing, stale or wrong Slack signature", request.Path);
            return (null, Results.Problem("The Slack signature is missing, stale or wrong.", statusCode: 401));
        }
        return (body, null);
    }

    /// <summary>A genuine form-encoded body (slash commands, interactivity), parsed.</summary>
    public async Task<(FormCollection? Form, IResult? Refusal)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadAsync(request, cancellationToken);
        return refusal is not null ? (null, refusal) : (new FormCollection(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body!))), null);
    }
}
