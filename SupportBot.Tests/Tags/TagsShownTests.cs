using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tags;

/// <summary>Tags where the team works: the App Home's ticket lines and search (<c>tag:billing</c> or the word).</summary>
public sealed class TagsShownTests : AppTest
{
    [Fact]
    public async Task My_tickets_on_the_App_Home_show_their_tags()
    {
        var number = await App.CreateTicketAsync("Mine and tagged");
        await CommandAsync("/take", N(number));
        await CommandAsync("/status", $"{N(number)} tag add billing sso");

        await Requests.EventAsync(new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = TestSettings.Engineer, ["channel"] = "D_HOME", ["tab"] = "home", ["event_ts"] = "1.1",
        });

        var view = Assert.Single(await Slack.WaitForAsync("views.publish"));
        Assert.Contains($"#{number}* Mine and tagged · New · next: us · tags: billing, sso", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_a_ticket_by_its_tag_with_or_without_the_field_name()
    {
        await App.SearchReadyAsync();
        var tagged = await App.CreateTicketAsync("Seats counted twice", "nothing about money");
        await App.CreateTicketAsync("Other", "unrelated");
        await CommandAsync("/status", $"{N(tagged)} tag add billing");

        App.SearchCaughtUp();
        var byField = (await CommandAsync("/status", "search tag:billing")).Text;
        var byWord = (await CommandAsync("/status", "search billing")).Text;

        Assert.Contains($"*#{tagged}* Seats counted twice", byField, StringComparison.Ordinal);
        Assert.Contains($"*#{tagged}*", byWord, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", byField, StringComparison.Ordinal);
    }
}
