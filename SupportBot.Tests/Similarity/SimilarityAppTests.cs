using SupportBot.Similarity;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Similarity;

/// <summary>
/// Similarity on (it is off in the other tests' settings): <c>/status N similar</c> by meaning, the intake's merge
/// suggestion and its button, and the vectors kept across a restart. The model is loaded once per test run.
/// </summary>
public sealed class SimilarityAppTests() : AppTest(new() { ["Similarity:Enabled"] = "true" })
{
    internal const string SlowSubject = "Search times out on our monorepo";
    internal const string SlowText = "Every search against the big monorepo spins for 30 seconds and then shows a timeout error.";
    internal const string HangSubject = "Queries on the large repository never finish";
    internal const string HangText = "When we look for anything in our 40GB repository the results page hangs and eventually gives up.";

    private async Task EmbeddedAsync(params int[] numbers) =>
        Assert.True(await Eventually.TrueAsync(() => numbers.All(n => App.Get<TicketVectors>().Vector(n) is not null)), "never embedded");

    [Fact]
    public async Task Similar_through_http_finds_a_paraphrase_that_shares_no_words()
    {
        await App.SearchReadyAsync();
        var hang = await App.CreateTicketAsync(HangSubject, HangText);
        await App.CreateTicketAsync("Invoice charged us for too many seats", "Our March invoice bills 120 seats but we only have 80 users.");
        var slow = await App.CreateTicketAsync(SlowSubject, SlowText);
        await EmbeddedAsync(hang, slow);
        App.SearchCaughtUp();

        var answer = (await CommandAsync("/status", $"{slow} similar")).Text;

        Assert.Contains($"Tickets like #{slow}", answer, StringComparison.Ordinal);
        Assert.Contains($"*#{hang}* {HangSubject}", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoice", answer, StringComparison.Ordinal);
        Assert.DoesNotContain($"*#{slow}*", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_ticket_like_an_open_one_of_its_customer_gets_a_merge_button_that_merges_once()
    {
        var first = await App.CreateTicketAsync("Can't sign in after resetting my password", "Since I reset my password this morning the login page keeps saying invalid credentials.");
        await EmbeddedAsync(first);
        var again = await App.CreateTicketAsync("Login rejected since password change", "I changed my password and now authentication fails every time with wrong username or password.");

        var suggestion = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("Looks like", StringComparison.Ordinal)));
        Assert.Contains($"Looks like *#{first}*, opened just now: merge?", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.SupportChannel, suggestion.Channel);
        Assert.Equal(Ticket(again).TriageTs, suggestion.ThreadTs);

        var press = Flows.ButtonPayload(MergeSuggestionButton.MergeActionId, $"{first}:{again}", TestSettings.Engineer, TestSettings.SupportChannel);
        (await Requests.InteractAsync(press)).EnsureSuccessStatusCode();
        Assert.NotEmpty(await Slack.WaitForAsync("response_url", c => c.Text.Contains($"Merged *#{again}* into *#{first}*", StringComparison.Ordinal)));
        (await Requests.InteractAsync(press)).EnsureSuccessStatusCode();
        Assert.NotEmpty(await Slack.WaitForAsync("response_url", c => c.Text.Contains($"#{again} is already merged into #{first}", StringComparison.Ordinal)));

        Assert.Equal(first, Ticket(again).DuplicateOf);
        Assert.Equal(TicketStatus.Closed, Ticket(again).Status);
        Assert.Equal([again], Ticket(first).Duplicates);
        Assert.Single(Ticket(again).History, h => h.What.StartsWith(DuplicateSuggestion.HistoryMark, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_team_can_press_merge()
    {
        var press = Flows.ButtonPayload(MergeSuggestionButton.MergeActionId, "1:2", TestSettings.Customer, TestSettings.CustomerChannel);
        (await Requests.InteractAsync(press)).EnsureSuccessStatusCode();

        Assert.NotEmpty(await Slack.WaitForAsync("response_url", c => c.Text.Contains("only the support team", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_restart_keeps_the_vectors_and_embeds_nothing_again()
    {
        var ticket = await App.CreateTicketAsync(HangSubject, HangText);
        await EmbeddedAsync(ticket);
        App.Dispose();

        using var restarted = new SupportBotApp(new() { ["Similarity:Enabled"] = "true" }, App.DbPath);
        var indexer = restarted.Get<SimilarityIndexer>();
        Assert.True(await Eventually.TrueAsync(() => indexer.BacklogAtStart >= 0), "the indexer never opened");

        Assert.Equal(0, indexer.BacklogAtStart);
        Assert.NotNull(restarted.Get<TicketVectors>().Vector(ticket));
        Assert.True(File.Exists(App.VectorFile));
    }
}
