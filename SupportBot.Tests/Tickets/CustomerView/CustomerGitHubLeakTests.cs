using SupportBot.Tests.Csat;
using SupportBot.Tests.Intake;
using static SupportBot.Tests.Tickets.CustomerView.InternalSecrets;

namespace SupportBot.Tests.Tickets.CustomerView;

/// <summary>Issue 23 item 1 on GitHub: with a secret in every internal field, no comment on the customer's issue shows one.</summary>
public sealed class CustomerGitHubLeakTests : CsatLinkApp
{
    private readonly FakeGitHubApi _github;

    public CustomerGitHubLeakTests() : this(new FakeGitHubApi())
    {
    }

    private CustomerGitHubLeakTests(FakeGitHubApi github) : base(github, WithCollab(github.Settings()), CsatLinks.PublicUrl) => _github = github;

    [Fact]
    public async Task No_internal_field_reaches_a_comment_on_the_customers_issue()
    {
        await new IntakeRequests(App).GitHubAsync("issues", GitHubPayloads.Labeled(41, "Code search returns 502", "support"));
        await _github.WaitForAsync(1);

        await PlantAsync(App, 1);
        await SolveAsync(App, 1);
        // acknowledgement, taken, handed over, solved, and last the rating question
        var comments = await _github.WaitForAsync(5);

        Assert.Contains("How did we do", comments[^1].Body, StringComparison.Ordinal);
        Assert.Contains(comments, c => c.Body.Contains("will help you", StringComparison.Ordinal));
        Assert.All(comments, c => NoneIn("a GitHub comment", c.Body, "your CE"));
        var (_, page) = await App.OpenAsync(CsatLinks.Links(comments[^1].Body)["ok"]);
        NoneIn("the rating page", page);
    }
}
