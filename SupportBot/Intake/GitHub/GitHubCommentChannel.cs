using Microsoft.Extensions.Options;
using Octokit;
using SupportBot.Outbox;

namespace SupportBot.Intake.GitHub;

/// <summary>
/// Comments on the ticket's GitHub issue with Intake:GitHub:Token. Without a token the bot cannot speak on GitHub:
/// the message is dropped (logged), and the team answers on the issue itself.
/// </summary>
public sealed class GitHubCommentChannel(IOptions<IntakeOptions> options, ILogger<GitHubCommentChannel> logger) : IOutboxChannel
{
    public string Method => GitHubComment.Method;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var comment = GitHubComment.Read(message);
        var github = options.Value.GitHub;
        if (string.IsNullOrWhiteSpace(github.Token))
        {
            logger.LogInformation("No Intake:GitHub:Token, so #{Ticket}'s answer was not commented on {Repository}#{Issue}",
                message.TicketNumber, comment.Repository, comment.Issue);
            return;
        }
        var parts = comment.Repository.Split('/', 2);
        var client = github.ApiUrl is { } api
            ? new GitHubClient(new ProductHeaderValue("SupportBot"), api)
            : new GitHubClient(new ProductHeaderValue("SupportBot"));
        client.Credentials = new Credentials(github.Token);
        await client.Issue.Comment.Create(parts[0], parts[1], comment.Issue, comment.Body);
    }
}
