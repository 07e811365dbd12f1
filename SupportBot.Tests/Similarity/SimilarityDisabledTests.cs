using SupportBot.Similarity;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Similarity;

/// <summary><c>Similarity:Enabled=false</c>: no model, no vectors, no suggestion; similar tickets are BM25's alone.</summary>
public sealed class SimilarityDisabledTests() : AppTest(new() { ["Similarity:Enabled"] = "false" })
{
    [Fact]
    public async Task Disabled_similarity_embeds_nothing_and_similar_is_bm25_alone()
    {
        await App.SearchReadyAsync();
        var hang = await App.CreateTicketAsync(SimilarityAppTests.HangSubject, SimilarityAppTests.HangText);
        var slow = await App.CreateTicketAsync(SimilarityAppTests.SlowSubject, SimilarityAppTests.SlowText);
        var monorepo = await App.CreateTicketAsync("Monorepo search timing out", "Searches on the monorepo time out");
        App.SearchCaughtUp();

        var answer = (await CommandAsync("/status", $"{slow} similar")).Text;

        Assert.Contains($"*#{monorepo}*", answer, StringComparison.Ordinal); // BM25 still answers
        Assert.DoesNotContain($"*#{hang}*", answer, StringComparison.Ordinal); // the paraphrase needs the embeddings
        Assert.Equal(0, App.Get<TicketVectors>().Count);
        Assert.Equal(0, App.Get<SimilarityIndexer>().Embedded);
        Assert.False(File.Exists(App.VectorFile));
        Assert.DoesNotContain(Slack.Calls, c => c.Text.Contains("Looks like", StringComparison.Ordinal));
    }
}
