using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Slack.Socket;

/// <summary>Socket Mode envelopes in Slack's format, each with its own envelope id.</summary>
public static class Envelopes
{
    public static JsonObject Wrap(string type, JsonObject payload, bool acceptsResponse = false) => new()
    {
        ["envelope_id"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = acceptsResponse,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
    };

    /// <summary>The same envelope sent again, as Slack does when it did not see the ack.</summary>
    public static JsonObject Retry(JsonObject envelope)
    {
        var again = envelope.DeepClone().AsObject();
        again["retry_attempt"] = envelope["retry_attempt"]!.GetValue<int>() + 1;
        again["retry_reason"] = "timeout";
        return again;
    }

    public static string Id(JsonObject envelope) => envelope["envelope_id"]!.GetValue<string>();

    /// <summary>A top-level post in the help channel: becomes a ticket.</summary>
    public static JsonObject HelpPost(string text, string ts) => Wrap("events_api", new JsonObject
    {
        ["type"] = "event_callback", ["team_id"] = "T1", ["api_app_id"] = "A1",
        ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..12], ["event_time"] = 1_700_000_000,
        ["event"] = new JsonObject
        {
            ["type"] = "message", ["channel"] = TestSettings.HelpChannel, ["user"] = TestSettings.Customer, ["text"] = text,
            ["ts"] = ts, ["channel_type"] = "channel",
        },
    });

    public static JsonObject Command(string command, string text, string user = TestSettings.Engineer) => Wrap("slash_commands", new JsonObject
    {
        ["command"] = command, ["text"] = text, ["user_id"] = user, ["user_name"] = user.ToLowerInvariant(),
        ["channel_id"] = TestSettings.SupportChannel, ["team_id"] = "T1", ["response_url"] = "https://hooks.slack.test/commands/1",
        ["trigger_id"] = "1.2.trigger",
    }, acceptsResponse: true);

    /// <summary>The request form submitted from the customer channel.</summary>
    public static JsonObject FormSubmission(string subject, string description = "Details")
    {
        var view = JsonSerializer.SerializeToNode(RequestForm.Build(new FormContext(TestSettings.CustomerChannel, null, TicketSource.RequestForm)),
            SlackJson.Options)!.AsObject();
        return Wrap("interactive", Flows.SubmissionPayload(view, TestSettings.Customer, subject, description, "Normal"), acceptsResponse: true);
    }
}
