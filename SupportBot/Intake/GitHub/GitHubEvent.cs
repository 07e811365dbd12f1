using System.Text.Json;

namespace SupportBot.Intake.GitHub;

/// <summary>
/// The fields of an <c>issues</c> / <c>issue_comment</c> delivery the bot reads. Read leniently rather than through
/// Octokit's models, which refuse a body missing any of their many required URLs (trimmed test payloads,
/// GitHub Enterprise versions): the signature already proved the sender.
/// </summary>
public sealed record GitHubEvent(string Action, string Repository, int Number, string Title, string Body, string HtmlUrl, string Author,
    List<string> Labels, string? Label, GitHubEventComment? Comment, string? AuthorEmail = null)
{
    public static GitHubEvent? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issue", out var issue) || issue.ValueKind != JsonValueKind.Object
                || !issue.TryGetProperty("number", out var n) || !n.TryGetInt32(out var number))
                return null;
            var repository = root.TryGetProperty("repository", out var repo) ? S(repo, "full_name") ?? "" : "";
            var labels = issue.TryGetProperty("labels", out var ls) && ls.ValueKind == JsonValueKind.Array
                ? ls.EnumerateArray().Select(l => S(l, "name")).OfType<string>().ToList()
                : [];
            var comment = root.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("id", out var id) && id.TryGetInt64(out var commentId)
                ? new GitHubEventComment(commentId, S(c, "body") ?? "", Login(c))
                : null;
            return new GitHubEvent(S(root, "action") ?? "", repository, number, S(issue, "title") ?? "", S(issue, "body") ?? "",
                S(issue, "html_url") ?? "", Login(issue), labels, root.TryGetProperty("label", out var label) ? S(label, "name") : null, comment,
                PublicEmail(root, issue));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The issue author's public email where the delivery carries one: a user object may hold <c>email</c> (GitHub
    /// sends it for users who made theirs public, and as null otherwise); the sender's counts when the sender is the
    /// author. Never looked up through GitHub's API: that would put a network call, its token and its rate limit
    /// between the delivery and its 200, and a user without a public email has none to find anyway.
    /// </summary>
    private static string? PublicEmail(JsonElement root, JsonElement issue)
    {
        var author = Login(issue);
        var sender = root.TryGetProperty("sender", out var s) ? s : default;
        return (issue.TryGetProperty("user", out var u) ? S(u, "email") : null)
               ?? (sender.ValueKind == JsonValueKind.Object && S(sender, "login") == author ? S(sender, "email") : null);
    }

    private static string Login(JsonElement e) => e.TryGetProperty("user", out var u) ? S(u, "login") ?? "" : "";

    private static string? S(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

public sealed record GitHubEventComment(long Id, string Body, string Author);
