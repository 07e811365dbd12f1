using System.Diagnostics;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Postgres;

/// <summary>A request form opened and submitted, and a command, each timed: what a refused write must answer inside 3 s.</summary>
public static class RefusalFlows
{
    /// <summary>Slack shows the user an error after this long; every answer, a refusal too, must come before it.</summary>
    public static readonly TimeSpan SlackWaits = TimeSpan.FromSeconds(3);

    public static async Task<JsonObject> OpenFormAsync(this SupportBotApp app)
    {
        var opened = app.Slack.Find("views.open").Count;
        await app.Requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));
        var views = await app.Slack.WaitForAsync("views.open", count: opened + 1);
        return views[^1].Args["view"]!.AsObject();
    }

    /// <summary>Submits the form; the answer's subject error (null when the ticket was made) and how long it took.</summary>
    public static async Task<(string? Error, TimeSpan Took)> SubmitAsync(this SupportBotApp app, JsonObject view, string subject)
    {
        var clock = Stopwatch.StartNew();
        using var response = await app.Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, subject, "details", "High"));
        var took = clock.Elapsed;
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var error = body.Length == 0 ? null : JsonNode.Parse(body)?["errors"]?["subject"]?.GetValue<string>();
        return (error, took);
    }

    /// <summary>The rows of <paramref name="table"/>, read beside the app.</summary>
    public static long Count(string database, string table)
    {
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand($"select count(*) from {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    public static async Task<(CommandAnswer Answer, TimeSpan Took)> TimedCommandAsync(this SupportBotApp app, string command, string text)
    {
        var clock = Stopwatch.StartNew();
        var answer = await app.Requests.CommandAsync(command, text, TestSettings.Engineer);
        return (answer, clock.Elapsed);
    }
}
