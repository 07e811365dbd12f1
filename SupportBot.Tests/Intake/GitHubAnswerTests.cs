using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Intake;

/// <summary>With Intake:GitHub:Token, what the bot tells a GitHub customer becomes a comment on their issue.</summary>
public sealed class GitHubAnswerTests : IDisposable
{
    private readonly FakeGitHubApi _github = new();
    private readonly SupportBotApp _app;

    public GitHubAnswerTests() => _app = new SupportBotApp(_github.Settings());

    [Fact]
    public async Task The_acknowledgement_and_a_status_reply_are_comments_on_the_issue_and_the_reply_is_the_first_response()
    {
        await new IntakeRequests(_app).GitHubAsync("issues", GitHubPayloads.Labeled(41, "Code search returns 502", "support"));
        var answer = await _app.Requests.CommandAsync("/status", "1 reply Fixed in *5.2*, please upgrade.", TestSettings.Engineer);
        Assert.Contains("Sending your answer", answer.Text, StringComparison.Ordinal);

        var comments = await _github.WaitForAsync(2);
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.EndsWith("/repos/acme/tracker/issues/41/comments", c.Path, StringComparison.Ordinal));
        Assert.Contains("#1", comments[0].Body, StringComparison.Ordinal);
        Assert.Equal("Fixed in 5.2, please upgrade.", comments[1].Body);
        var ticket = _app.Get<TicketStore>().Find(1)!;
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
        _github.Dispose();
    }
}
