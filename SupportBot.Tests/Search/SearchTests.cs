using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Search;

/// <summary><c>/status search</c> and <c>/status N similar</c> over subject, description, notes and resolution.</summary>
public sealed class SearchTests : AppTest
{
    private void AddNote(int number, string text) => Tickets.Change(set =>
    {
        var t = set.Find(number)!;
        t.Notes.Add(new TicketNote { At = set.Now, AuthorId = TestSettings.Engineer, Text = text });
        set.Update(t);
        return true;
    });

    [Fact]
    public async Task Search_finds_words_in_subject_description_notes_and_resolution_any_status()
    {
        await App.SearchReadyAsync();
        var bySubject = await App.CreateTicketAsync("Zoekt shards stall", "nothing else");
        var byDescription = await App.CreateTicketAsync("Slow pages", "The gitserver disk is full");
        var byNote = await App.CreateTicketAsync("Login trouble", "cannot log in");
        AddNote(byNote, "Customer's proxy strips the SAML assertion");
        var byResolution = await App.CreateTicketAsync("Webhooks missing", "no events");
        await CommandAsync("/status", $"{byResolution} solved defect https://github.com/acme/tracker/issues/9 retries exhausted on the queue");

        App.SearchCaughtUp();
        Assert.Contains($"*#{bySubject}* Zoekt shards stall · New · Acme Corp", (await CommandAsync("/status", "search zoekt")).Text, StringComparison.Ordinal);
        Assert.Contains($"*#{byDescription}*", (await CommandAsync("/status", "search gitserver disk")).Text, StringComparison.Ordinal);
        Assert.Contains($"*#{byNote}*", (await CommandAsync("/status", "search SAML assertion")).Text, StringComparison.Ordinal);
        var solved = (await CommandAsync("/status", "search retries exhausted")).Text;
        Assert.Contains($"*#{byResolution}* Webhooks missing · Solved", solved, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{bySubject}", solved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "Search for what?")]
    [InlineData("search \"unbalanced (", "No tickets")]
    [InlineData("search the and of", "No tickets")]
    public async Task Odd_searches_get_a_clear_answer(string text, string expected)
    {
        await App.SearchReadyAsync();
        await App.CreateTicketAsync("Anything");

        Assert.Contains(expected, (await CommandAsync("/status", text)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_cannot_search()
    {
        await App.SearchReadyAsync();
        var answer = await CommandAsync("/status", "search anything", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_lists_tickets_like_this_one_but_not_itself()
    {
        await App.SearchReadyAsync();
        var old = await App.CreateTicketAsync("Search times out on the monorepo", "Every search on the 40GB monorepo times out");
        await App.CreateTicketAsync("Billing seat count is wrong", "Seats are double counted");
        var fresh = await App.CreateTicketAsync("Monorepo search timing out", "Searches on the monorepo time out");

        App.SearchCaughtUp();
        var answer = (await CommandAsync("/status", $"{fresh} similar")).Text;

        Assert.Contains($"Tickets like #{fresh}", answer, StringComparison.Ordinal);
        Assert.Contains($"*#{old}*", answer, StringComparison.Ordinal);
        Assert.DoesNotContain($"*#{fresh}*", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Billing", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_lives_in_a_folder_beside_the_database()
    {
        await App.SearchReadyAsync();
        await App.CreateTicketAsync("Anything");
        await CommandAsync("/status", "search anything");

        Assert.True(Directory.Exists(App.IndexFolder), App.IndexFolder);
        Assert.NotEmpty(Directory.GetFiles(App.IndexFolder));
    }
}
