using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;
using Xunit.Abstractions;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// <c>/take</c> and <c>/status</c> with random words, numbers, mentions and Unicode: always a 200 with a helpful,
/// non-empty answer, and nothing the user typed comes back as live Slack markup.
/// </summary>
public sealed class SlashCommandTextFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Commands = 1_500;

    /// <summary>Slack shows at most this much of a message's text.</summary>
    private const int SlackTextLimit = 40_000;

    private static readonly string[] Users = [TestSettings.Engineer, TestSettings.Engineer, TestSettings.Engineer2, TestSettings.Customer, "U_STRANGER"];
    private static readonly string[] Channels = [TestSettings.SupportChannel, TestSettings.CustomerChannel, TestSettings.HelpChannel, "C_OTHER"];

    private readonly FuzzHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Take_and_status_always_answer_helpfully_and_never_echo_live_markup()
    {
        await CreateTicketsAsync(3);
        var tally = new FuzzTally(FuzzSeed.Or(77_003));
        var random = new Random(tally.Seed);
        var signer = new FuzzSigner(_host.Now);

        for (var i = 0; i < Commands; i++)
        {
            var command = random.Next(2) == 0 ? "/take" : "/status";
            var text = CommandTexts.Next(random);
            var form = FormCodec.Encode(
            [
                new("command", command), new("text", text), new("user_id", FuzzStrings.Pick(random, Users)),
                new("channel_id", FuzzStrings.Pick(random, Channels)), new("team_id", "T1"),
                new("response_url", "https://hooks.slack.test/commands/1"), new("trigger_id", "1.2.trigger"),
            ], plusForSpace: random.Next(2) == 0);
            var body = System.Text.Encoding.UTF8.GetBytes(form);
            var request = new FuzzRequest(SlackPaths.Command, command, body, ContentTypes.Form, signer.Valid(body));
            var (status, answer) = await _host.SendAsync(request, tally);
            CheckAnswer(request, text, status, answer, tally);
        }

        await _host.AssertHealthyAfterwardsAsync(tally, output, "Slash command text");
    }

    private static void CheckAnswer(FuzzRequest request, string typed, int status, string body, FuzzTally tally)
    {
        if (status != 200)
        {
            tally.Fail(request, $"expected 200, got {status}: {body}");
            return;
        }
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            tally.Fail(request, $"the answer is not JSON: {body}");
            return;
        }
        var text = json?["text"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
        var visible = string.Join("\n", VisibleText(json));
        if (string.IsNullOrWhiteSpace(text))
            tally.Fail(request, $"empty answer: {body}");
        else if (text.Contains("something went wrong", StringComparison.OrdinalIgnoreCase))
            tally.Fail(request, $"the command failed inside: {text}");
        else if (text.Length > SlackTextLimit)
            tally.Fail(request, $"the answer is {text.Length} characters; Slack shows {SlackTextLimit}");
        else if (text.Contains("didn't understand", StringComparison.Ordinal) && !text.Contains("`/", StringComparison.Ordinal))
            tally.Fail(request, $"a refusal without usage: {text}");
        if (visible.Contains("<!", StringComparison.Ordinal))
            tally.Fail(request, $"the answer carries a special mention: {Clip(visible)}");
        foreach (var markup in FuzzStrings.Markup.Where(m => typed.Contains(m, StringComparison.Ordinal) && visible.Contains(m, StringComparison.Ordinal)))
            tally.Fail(request, $"the answer echoes {markup} unescaped: {Clip(visible)}");
        if (visible.Contains("<@U_FUZZ", StringComparison.Ordinal) || visible.Contains("<#C_FUZZ", StringComparison.Ordinal)
            || visible.Contains("<https://evil", StringComparison.Ordinal) || visible.Contains("<mailto:", StringComparison.Ordinal))
            tally.Fail(request, $"the answer carries markup the user typed: {Clip(visible)}");
    }

    private async Task CreateTicketsAsync(int count)
    {
        var requests = _host.Requests;
        for (var i = 1; i <= count; i++)
        {
            var context = JsonSerializer.Serialize(new FormContext(TestSettings.CustomerChannel, null, TicketSource.RequestForm));
            var view = new JsonObject { ["callback_id"] = RequestForm.CallbackId, ["private_metadata"] = context };
            using var response = await requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer,
                $"Ticket {i} <!channel> & <@U_FUZZ>", "Description with <!here>", "High"));
            response.EnsureSuccessStatusCode();
        }
        Assert.Equal(count, _host.Get<TicketStore>().Count());
    }

    private static IEnumerable<string> VisibleText(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => VisibleText(p.Value)),
        JsonArray a => a.SelectMany(VisibleText),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
