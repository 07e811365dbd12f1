using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Tests.Infrastructure;

/// <summary>Whole user journeys, played through HTTP like Slack would.</summary>
public static partial class Flows
{
    /// <summary>Presses the Request support button, fills the modal and submits it; returns the ticket number.</summary>
    public static async Task<int> CreateTicketAsync(this SupportBotApp app, string subject = "Search times out",
        string description = "Since the upgrade, searches take 30 s.", string priority = "Normal",
        string channel = TestSettings.CustomerChannel, string user = TestSettings.Customer)
    {
        var requests = app.Requests;
        var opened = app.Slack.Find("views.open").Count;
        var press = await requests.InteractAsync(ButtonPayload("open_request_form", "", user, channel));
        press.EnsureSuccessStatusCode();
        var views = await app.Slack.WaitForAsync("views.open", count: opened + 1);
        Assert.True(views.Count > opened, "the button did not open the request form");
        var view = views[^1].Args["view"]!.AsObject();

        var submit = await requests.InteractAsync(SubmissionPayload(view, user, subject, description, priority));
        submit.EnsureSuccessStatusCode();
        return await app.WaitForTicketNumberAsync(subject);
    }

    /// <summary>Waits for the search index's start-up catch-up (on a busy machine it can take a moment).</summary>
    public static async Task SearchReadyAsync(this SupportBotApp app) =>
        Assert.True(await Eventually.TrueAsync(() => app.Get<SupportBot.Search.SearchIndexer>().Index is not null, timeoutMs: 30_000), "the search index never got ready");

    /// <summary>
    /// Waits until every ticket change committed so far is in the search index. A search waits for that itself, but
    /// only as long as a slash command's 3 seconds allow; on a busy machine a test asserting what a search finds waits here.
    /// </summary>
    public static void SearchCaughtUp(this SupportBotApp app) =>
        app.Get<SupportBot.Search.SearchIndexer>().WaitForCommitted(TimeSpan.FromMilliseconds(Eventually.PatienceMs));

    /// <summary>The #N on the triage card that names <paramref name="subject"/>.</summary>
    public static async Task<int> WaitForTicketNumberAsync(this SupportBotApp app, string subject)
    {
        var cards = await app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.Text.Contains(subject, StringComparison.Ordinal));
        Assert.True(cards.Count > 0, $"no triage card for {subject}");
        return int.Parse(TicketNumber().Match(cards[0].Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static JsonObject ButtonPayload(string actionId, string value, string user, string channel, string? responseUrl = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["trigger_id"] = "1.trigger",
        ["channel"] = new JsonObject { ["id"] = channel },
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel, ["message_ts"] = "1.1" },
        ["response_url"] = responseUrl ?? "https://hooks.slack.test/actions/1",
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button" }),
    };

    public static JsonObject SubmissionPayload(JsonObject view, string user, string subject, string description, string priority)
    {
        var values = new JsonObject
        {
            ["subject"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = subject } },
            ["description"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = description } },
            ["priority"] = new JsonObject
            {
                ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = priority } },
            },
        };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
            ["view"] = new JsonObject
            {
                // Slack gives every opened modal its own id; the bot keys a submission on it, so one id would be one ticket
                ["id"] = view["id"]?.GetValue<string>() ?? "V" + Guid.NewGuid().ToString("N")[..10],
                ["hash"] = view["hash"]?.GetValue<string>(),
                ["callback_id"] = view["callback_id"]!.GetValue<string>(),
                ["private_metadata"] = view["private_metadata"]?.GetValue<string>(),
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketNumber();
}
