using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack.Users;
using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Slack.Users;

/// <summary>People by name: users.info cached with a lifetime, failures falling back to the id, names escaped once.</summary>
public sealed class UserNamesTests : AppTest
{
    private const string Globex = "U0GLOBEXA1";

    private SlackUserDirectory Directory => App.Get<SlackUserDirectory>();

    [Fact]
    public async Task A_mention_in_a_help_post_shows_as_the_name_on_the_triage_card_escaped_once()
    {
        Slack.Workspace.AddUser(Globex, "Dana <&*>");

        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", $"<@{Globex}> export fails"));

        var cards = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("export fails", StringComparison.Ordinal));
        var card = Assert.Single(cards);
        Assert.Contains("@Dana &lt;&amp;*&gt; export fails", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"@{Globex}", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_user_is_named_in_the_ticket_answer_from_the_cache()
    {
        Slack.Workspace.AddUser("U0EXTERN1", null, realName: "Ext Person", teamId: "T_PARTNER");
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "<@U0EXTERN1> cannot log in"));
        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("cannot log in", StringComparison.Ordinal));

        var answer = await App.StatusAsync(1);

        Assert.Contains("@Ext Person cannot log in", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;@U0EXTERN1&gt;", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_ticket_shortcut_fills_the_form_with_the_name_the_cache_knows()
    {
        Slack.Workspace.AddUser(Globex, "Dana <&*>");
        await Directory.NameAsync(Globex, CancellationToken.None);

        await Requests.InteractAsync(new JsonObject
        {
            ["type"] = "message_action", ["callback_id"] = "create_ticket", ["trigger_id"] = "2.trigger",
            ["user"] = new JsonObject { ["id"] = TestSettings.Customer, ["name"] = "u_cust1" },
            ["channel"] = new JsonObject { ["id"] = TestSettings.CustomerChannel }, ["message_ts"] = "1.2",
            ["message"] = new JsonObject { ["ts"] = "1.2", ["text"] = $"<@{Globex}> &amp; <@U_NEW|newbie>: export fails", ["user"] = TestSettings.Customer },
            ["response_url"] = "https://hooks.slack.test/actions/2",
        });

        var view = Assert.Single(await Slack.WaitForAsync("views.open"));
        var description = view.Args["view"]!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "description")!;
        Assert.Equal("@Dana <&*> & @newbie: export fails", description["element"]!["initial_value"]!.GetValue<string>());
    }

    [Fact]
    public void The_lifetime_setting_is_checked_at_start()
    {
        var error = StartupErrors.Failure(new() { ["Slack:UserNamesLifetime"] = "00:00:05" });

        Assert.Contains("Slack:UserNamesLifetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_is_kept_for_its_lifetime_then_asked_again()
    {
        Slack.Workspace.AddUser("U_DANA", "Dana");
        Assert.Equal("Dana", await Directory.NameAsync("U_DANA", CancellationToken.None));
        Slack.Workspace.AddUser("U_DANA", "Dana R");

        Assert.Equal("Dana", await Directory.NameAsync("U_DANA", CancellationToken.None));
        App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("Dana R", await Directory.NameAsync("U_DANA", CancellationToken.None));

        Assert.Equal(2, Slack.Find("users.info", c => c.Args["user"]?.ToString() == "U_DANA").Count);
    }

    [Fact]
    public async Task A_rate_limited_lookup_falls_back_to_the_id_until_Retry_After()
    {
        Slack.Workspace.AddUser("U_DANA", "Dana");
        Slack.Fail("users.info", HttpStatusCode.TooManyRequests, retryAfterSeconds: 30);

        Assert.Null(await Directory.NameAsync("U_DANA", CancellationToken.None));
        Assert.Equal("U_DANA", Directory.Display("U_DANA"));
        Assert.Null(await Directory.NameAsync("U_DANA", CancellationToken.None)); // no second call inside Retry-After
        Assert.Single(Calls("U_DANA"));

        App.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("Dana", await Directory.NameAsync("U_DANA", CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_user_shows_the_id_and_is_asked_again_after_a_minute()
    {
        Assert.Null(await Directory.NameAsync("U_GONE", CancellationToken.None));
        Assert.Null(await Directory.NameAsync("U_GONE", CancellationToken.None));
        Assert.Single(Calls("U_GONE"));
        Assert.Equal("@U_GONE hi", MentionNames.Readable("<@U_GONE> hi", Directory.Known));

        Slack.Workspace.AddUser("U_GONE", "Back");
        App.Time.Advance(SlackUserDirectory.FailureLifetime);
        Assert.Equal("Back", await Directory.NameAsync("U_GONE", CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"user":{"name":"dana","real_name":"Dana Real","profile":{"display_name":"D","real_name":"Dana Real"}}}""", "D")]
    [InlineData("""{"user":{"name":"dana","real_name":"Dana Real","profile":{"display_name":"","real_name":"Dana Real"}}}""", "Dana Real")]
    [InlineData("""{"user":{"name":"dana","profile":{"display_name":" "}}}""", "dana")]
    [InlineData("""{"ok":true}""", null)]
    public void The_display_name_comes_first_then_the_real_name_then_the_account_name(string answer, string? expected) =>
        Assert.Equal(expected, SlackUserDirectory.DisplayName(JsonDocument.Parse(answer).RootElement));

    [Fact]
    public void Plain_text_shows_real_and_escaped_mentions_as_names_and_mrkdwn_keeps_real_ones()
    {
        static string? Name(string id) => id == "U_DANA" ? "Dana & co" : null;

        Assert.Equal("Held by @Dana & co for @U_X", MentionNames.InPlainText("Held by <@U_DANA> for &lt;@U_X&gt;", Name));
        Assert.Equal("<@U_DANA> quoted @Dana &amp; co and @bob", MentionNames.InMarkdown("<@U_DANA> quoted &lt;@U_DANA&gt; and &lt;@U_Y|bob&gt;", Name));
    }

    private List<SlackCall> Calls(string user) => Slack.Calls.Where(c => c.Method == "users.info" && c.Args["user"]?.ToString() == user).ToList();
}
