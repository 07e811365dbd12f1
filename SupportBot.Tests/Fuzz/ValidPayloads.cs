using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Fuzz;

/// <summary>Well-formed payloads of every kind the bot handles: the seeds the mutations start from.</summary>
public static class ValidPayloads
{
    private static readonly string[] Users = [TestSettings.Engineer, TestSettings.Engineer2, TestSettings.Customer, TestSettings.Ce];
    private static readonly string[] Channels = [TestSettings.CustomerChannel, TestSettings.SupportChannel, TestSettings.HelpChannel];

    /// <summary>A slash command's form fields, in Slack's order.</summary>
    public static List<KeyValuePair<string, string>> Command(Random random)
    {
        var user = Pick(random, Users);
        return
        [
            new("token", "legacy-verification-token"),
            new("team_id", "T1"),
            new("team_domain", "acme"),
            new("channel_id", Pick(random, Channels)),
            new("channel_name", "support"),
            new("user_id", user),
            new("user_name", user.ToLowerInvariant()),
            new("command", random.Next(2) == 0 ? "/take" : "/status"),
            new("text", Pick(random, ["", "1", "2 force", "all", "1 pending waiting for logs", "2 on hold", "help", "setup", "#1,#2"])),
            new("api_app_id", "A1"),
            new("response_url", "https://hooks.slack.test/commands/1"),
            new("trigger_id", "1.2.trigger"),
        ];
    }

    /// <summary>The JSON of an interactivity request's <c>payload</c> field.</summary>
    public static JsonObject Interaction(Random random)
    {
        var user = Pick(random, Users);
        var channel = Pick(random, Channels);
        return random.Next(6) switch
        {
            0 => Flows.ButtonPayload(OpenRequestFormButton.Id, "", user, channel),
            1 => Flows.ButtonPayload(TriageCard.TakeActionId, random.Next(1, 4).ToString(CultureInfo.InvariantCulture), user, channel),
            2 => MessageShortcut(user, channel),
            3 => new JsonObject
            {
                ["type"] = "shortcut", ["callback_id"] = CreateTicketShortcut.Id, ["trigger_id"] = "1.trigger",
                ["user"] = new JsonObject { ["id"] = user, ["username"] = "u", ["team_id"] = "T1" }, ["team"] = new JsonObject { ["id"] = "T1" },
            },
            4 => Submission(user, channel, random),
            _ => new JsonObject
            {
                ["type"] = "view_closed", ["user"] = new JsonObject { ["id"] = user },
                ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = RequestForm.CallbackId }, ["is_cleared"] = false,
            },
        };
    }

    /// <summary>An Events API body.</summary>
    public static JsonObject Event(Random random, DateTimeOffset now)
    {
        var time = now.ToUnixTimeSeconds();
        var ts = $"{time}.{random.Next(100_000, 999_999)}";
        var user = Pick(random, Users);
        JsonObject inner = random.Next(5) switch
        {
            0 => new() { ["type"] = "message", ["channel"] = TestSettings.HelpChannel, ["user"] = user, ["text"] = "Help, search is down", ["ts"] = ts, ["channel_type"] = "channel" },
            1 => new() { ["type"] = "message", ["channel"] = TestSettings.CustomerChannel, ["user"] = user, ["text"] = "any news?", ["ts"] = ts, ["thread_ts"] = "1700000001.000100" },
            2 => new()
            {
                ["type"] = "reaction_added", ["user"] = user, ["reaction"] = "ticket", ["item_user"] = TestSettings.Customer, ["event_ts"] = ts,
                ["item"] = new JsonObject { ["type"] = "message", ["channel"] = TestSettings.CustomerChannel, ["ts"] = "1700000001.000100" },
            },
            3 => new() { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B1", ["channel"] = TestSettings.HelpChannel, ["text"] = "beep", ["ts"] = ts },
            _ => new() { ["type"] = "app_mention", ["user"] = user, ["channel"] = TestSettings.CustomerChannel, ["text"] = "<@UBOT> help", ["ts"] = ts },
        };
        return random.Next(8) switch
        {
            0 => new() { ["token"] = "t", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" },
            1 => new() { ["token"] = "t", ["team_id"] = "T1", ["minute_rate_limited"] = time, ["api_app_id"] = "A1", ["type"] = "app_rate_limited" },
            _ => new()
            {
                ["token"] = "t", ["team_id"] = "T1", ["api_app_id"] = "A1", ["event"] = inner, ["type"] = "event_callback",
                ["event_id"] = "Ev" + random.NextInt64(1L << 40).ToString("X", CultureInfo.InvariantCulture), ["event_time"] = time,
                ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UBOT", ["is_bot"] = true }),
            },
        };
    }

    /// <summary>An external select's options request (<c>block_suggestion</c>).</summary>
    public static JsonObject Suggestion(Random random) => new()
    {
        ["type"] = "block_suggestion", ["action_id"] = "customer", ["block_id"] = "b1", ["value"] = "ac",
        ["user"] = new JsonObject { ["id"] = Pick(random, Users) }, ["team"] = new JsonObject { ["id"] = "T1" },
    };

    private static JsonObject MessageShortcut(string user, string channel) => new()
    {
        ["type"] = "message_action", ["callback_id"] = CreateTicketShortcut.Id, ["trigger_id"] = "1.trigger",
        ["response_url"] = "https://hooks.slack.test/actions/2", ["message_ts"] = "1700000001.000100",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = "u" }, ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "acme" },
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = TestSettings.Customer, ["ts"] = "1700000001.000100", ["text"] = "It broke again" },
    };

    /// <summary>
    /// A form submission whose private_metadata is well-formed but odd: the form's context round-trips through
    /// Slack, and a message shortcut fills it from the message (its ts becomes the ticket's thread).
    /// </summary>
    public static JsonObject SubmissionWithOddContext(Random random)
    {
        var channel = random.Next(2) == 0 ? FuzzStrings.Any(random) : Pick(random, Channels);
        var thread = random.Next(2) == 0 ? FuzzStrings.Any(random) : null;
        var context = new FormContext(channel, thread, random.Next(2) == 0 ? TicketSource.MessageShortcut : (TicketSource)random.Next(-5, 50));
        return SubmissionWithContext(Pick(random, Users), JsonSerializer.Serialize(context), random);
    }

    private static JsonObject Submission(string user, string channel, Random random) =>
        SubmissionWithContext(user, JsonSerializer.Serialize(new FormContext(channel, random.Next(2) == 0 ? null : "1700000001.000100", TicketSource.RequestForm)), random);

    private static JsonObject SubmissionWithContext(string user, string context, Random random)
    {
        var view = new JsonObject { ["callback_id"] = RequestForm.CallbackId, ["private_metadata"] = context };
        var submission = Flows.SubmissionPayload(view, user, "Fuzzed subject " + random.Next(1000), "Fuzzed description",
            Pick(random, ["Urgent", "High", "Normal", "Low"]));
        submission["trigger_id"] = "1.trigger";
        return submission;
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];
}
