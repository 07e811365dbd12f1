using System.Net;
using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>One generated request: raw bytes and headers exactly as they go on the wire.</summary>
public sealed record FuzzRequest(string Path, string Category, byte[] Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers, bool StreamedWithoutLength = false)
{
    public string Endpoint => Path["/slack/".Length..];

    /// <summary>A second dimension of the category (which body went with a bad signature, say).</summary>
    public string Variant { get; init; } = "";

    public HttpRequestMessage ToHttp()
    {
        HttpContent content = StreamedWithoutLength ? new UnknownLengthContent(Body) : new ByteArrayContent(Body);
        if (ContentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Enough to recognise the request in a failure message.</summary>
    public string Describe()
    {
        var preview = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)).ReplaceLineEndings("⏎");
        var headers = string.Join(", ", Headers.Select(h => $"{h.Key}: {(h.Value.Length > 80 ? h.Value[..80] + "…" : h.Value)}"));
        return $"[{Category}] POST {Path} ({Body.Length} bytes, Content-Type: {ContentType ?? "none"}; {headers}) {preview}";
    }

    /// <summary>A body sent without Content-Length, so the server must stop reading on its own.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(body, 0, body.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
