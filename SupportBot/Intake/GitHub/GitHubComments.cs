using System.Text.Json;
using SupportBot.Outbox;
using SupportBot.Tickets;

namespace SupportBot.Intake.GitHub;

/// <summary>A comment the bot owes a GitHub issue, made by <see cref="GitHubCommentChannel"/> (with Intake:GitHub:Token).</summary>
public sealed record GitHubComment(string Repository, int Issue, string Body)
{
    public const string Method = "github.comment";

    public static GitHubComment Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<GitHubComment>(message.Args) ?? throw new InvalidOperationException($"outbox #{message.Id} has no comment");
}

public static class GitHubComments
{
    public static OutboxMessage? Comment(Ticket ticket, string text)
    {
        if (ticket.Via is not { Address: { Length: > 0 } repository, Reference: { } reference } || !int.TryParse(reference, out var issue))
            return null;
        return new OutboxMessage
        {
            Lane = $"github:{repository}#{reference}",
            Method = GitHubComment.Method,
            Args = JsonSerializer.Serialize(new GitHubComment(repository, issue, text)),
        };
    }
}
