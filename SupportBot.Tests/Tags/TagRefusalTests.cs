using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Tags;

/// <summary>Words that are not tags and verbs that are not add or remove: answered, nothing changed. One app for all: each test has its own ticket.</summary>
public sealed class TagRefusalTests(SharedApp app) : IClassFixture<SharedApp>
{
    private Task<CommandAnswer> Tag(int number, string words) =>
        app.App.Requests.CommandAsync("/status", $"{number} tag {words}", TestSettings.Engineer);

    [Theory]
    [InlineData("add ok bad!word", "bad!word")]
    [InlineData("add <b>", "&lt;b&gt;")]
    [InlineData("add étiquette", "étiquette")]
    [InlineData("add aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_word_that_is_not_a_tag_is_refused_by_name_and_nothing_changes(string words, string named)
    {
        var number = await app.App.CreateTicketAsync($"Refused words {Guid.NewGuid():N}"); // its own subject: the card names its number

        var answer = await Tag(number, words);

        Assert.Contains(named, answer.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", answer.Text, StringComparison.Ordinal);
        Assert.Empty(app.App.Ticket(number).Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("add")]
    [InlineData("put billing")]
    public async Task A_missing_or_unknown_verb_answers_with_the_usage(string words)
    {
        var number = await app.App.CreateTicketAsync($"Refused words {Guid.NewGuid():N}"); // its own subject: the card names its number

        var answer = await Tag(number, words);

        Assert.Contains("tag add billing sso", answer.Text, StringComparison.Ordinal);
        Assert.Empty(app.App.Ticket(number).Tags);
    }
}
