using Microsoft.Extensions.Options;
using Octokit.Webhooks;
using SupportBot.Threads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Intake.GitHub;

/// <summary>
/// <c>POST /intake/github</c> (Octokit.Webhooks.AspNetCore checks X-Hub-Signature-256 and answers 200 once this
/// returns): an issue opened, or labelled with one of Intake:GitHub:Labels, becomes one ticket per issue however
/// often GitHub redelivers; the issue author's later comments join the ticket's conversation (once per comment).
/// Other events (ping) are answered and ignored.
/// </summary>
public sealed class GitHubIssues(IOptions<IntakeOptions> options, OnceIntake once, CustomerReplies replies, ILogger<GitHubIssues> logger)
    : WebhookEventProcessor
{
    public const string Path = "/github";

    /// <summary>Reads issues and comments leniently (see <see cref="GitHubEvent"/>); every other event is not read at all.</summary>
    public override WebhookEvent DeserializeWebhookEvent(WebhookHeaders headers, string body) =>
        new Delivery(headers.Event is "issues" or "issue_comment" ? GitHubEvent.Read(System.Text.Encoding.UTF8.GetBytes(body)) : null);

    public override ValueTask ProcessWebhookAsync(WebhookHeaders headers, WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        if (webhookEvent is not Delivery { Issue: { } issue })
        {
            if (headers.Event is "issues" or "issue_comment")
                logger.LogWarning("GitHub {Event} delivery {Delivery} has no readable issue; ignored", headers.Event, headers.Delivery);
            return ValueTask.CompletedTask;
        }
        if (headers.Event == "issues")
            Opened(issue);
        else if (issue is { Action: "created", Comment: { } comment })
            Commented(issue, comment);
        return ValueTask.CompletedTask;
    }

    private void Opened(GitHubEvent issue)
    {
        var labels = options.Value.GitHub.Labels;
        var wanted = issue.Action switch
        {
            "opened" => labels.Count == 0 || issue.Labels.Any(l => labels.Contains(l, StringComparer.OrdinalIgnoreCase)),
            "labeled" => issue.Label is { } label && labels.Contains(label, StringComparer.OrdinalIgnoreCase),
            _ => false,
        };
        if (!wanted)
            return;
        var via = new CustomerConversation
        {
            Kind = ConversationKind.GitHub,
            Address = issue.Repository,
            Name = issue.Author,
            Reference = issue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Link = issue.HtmlUrl,
        };
        var description = $"{issue.Body}\n\n{issue.HtmlUrl}".Trim();
        once.Create(Key(issue), new TicketDraft(issue.Title, description, Priority.Normal, "github:" + issue.Author, "",
            TicketSource.GitHub, RequesterName: issue.Author, Via: via, Email: issue.AuthorEmail));
    }

    private void Commented(GitHubEvent issue, GitHubEventComment comment)
    {
        // only the requester speaks for the customer; anyone else's comment is GitHub's business
        if (comment.Author != issue.Author)
            return;
        var key = Key(issue);
        once.Once($"{key}:comment:{comment.Id}", set =>
            OnceIntake.TicketFor(set, key) is { } ticket
                ? replies.Record(set, key, ticket, new ConversationEntry
                {
                    Ts = $"github-comment:{comment.Id}", UserId = "github:" + comment.Author, Text = comment.Body, At = set.Now,
                })
                : null);
    }

    private static string Key(GitHubEvent issue) => $"github:{issue.Repository}#{issue.Number}";

    private sealed record Delivery(GitHubEvent? Issue) : WebhookEvent;
}
