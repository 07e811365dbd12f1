using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Tags;

/// <summary><c>Tags:Auto:N</c>: words in a new ticket's subject or description tag it at intake, from any source.</summary>
public sealed class AutoTagTests() : AppTest(new()
{
    ["Tags:Auto:0:Contains:0"] = "invoice", ["Tags:Auto:0:Contains:1"] = "credit card", ["Tags:Auto:0:Tag"] = "Billing",
    ["Tags:Auto:1:Contains:0"] = "SSO", ["Tags:Auto:1:Tag"] = "auth",
})
{
    [Fact]
    public async Task A_form_ticket_is_tagged_from_its_subject_and_its_first_card_shows_the_tag()
    {
        var number = await App.CreateTicketAsync("INVOICE total is wrong", "December counts 40 seats.");

        Assert.Equal(["billing"], Ticket(number).Tags);
        Assert.Contains(Ticket(number).History, h => h.What == "Tagged billing by rule" && h.ActorId is null);
        var card = Assert.Single(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains($"#{number} ", StringComparison.Ordinal)));
        Assert.Contains("Tags: billing", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_and_phrases_match_whole_in_the_description_and_several_rules_can_apply()
    {
        var both = await App.CreateTicketAsync("Cannot pay", "Our SSO login fails, then the credit\ncard page loops.");
        var neither = await App.CreateTicketAsync("Lasso tool", "The invoices page and ssologin are slow.");

        Assert.Equal(["auth", "billing"], Ticket(both).Tags);
        Assert.Contains(Ticket(both).History, h => h.What == "Tagged auth, billing by rule");
        Assert.Empty(Ticket(neither).Tags);
        Assert.DoesNotContain(Ticket(neither).History, h => h.What.StartsWith("Tagged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_help_channel_post_is_tagged_too()
    {
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "How do I configure SSO?\nWe use Okta."));

        var ticket = await App.WaitForTicketAsync(1, t => t.Number == 1);

        Assert.Equal(["auth"], ticket.Tags);
    }

    [Theory]
    [InlineData("Tags:Auto:0:Tag", "Tags:Auto:0:Contains:0", "invoice")]
    [InlineData("Tags:Auto:0:Tag", "Tags:Auto:0:Tag", "bill ing")]
    [InlineData("Tags:Auto:0:Contains", "Tags:Auto:0:Tag", "billing")]
    public void A_rule_without_its_tag_or_words_or_with_a_bad_tag_stops_start_up_naming_the_setting(string named, string key, string value)
    {
        var error = StartupErrors.Failure(new() { [key] = value });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
