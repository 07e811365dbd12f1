using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Fuzz;

/// <summary>Each bug the fuzz suite found, pinned by one request, so it stays fixed whatever the seeds generate.</summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly FuzzHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("{\"\\udc00type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"\\ud800\"}")]
    public async Task An_event_with_a_lone_surrogate_is_refused_and_not_stored(string inner)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{inner}}}");

        var status = await PostAsync(SlackPaths.Event, body, ContentTypes.Json);

        Assert.Equal(400, status);
        Assert.Equal(0, _host.Snapshot().Events);
        Assert.Empty(_host.Logs.Failures);
    }

    [Fact]
    public async Task An_event_with_invalid_utf8_is_refused_and_not_stored()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"text\":\"AB\"}}");
        body[Array.IndexOf(body, (byte)'A')] = 0xFF;

        var status = await PostAsync(SlackPaths.Event, body, ContentTypes.Json);

        Assert.Equal(400, status);
        Assert.Equal(0, _host.Snapshot().Events);
        Assert.Empty(_host.Logs.Failures);
    }

    [Fact]
    public async Task An_event_id_too_long_for_a_store_key_is_refused()
    {
        var envelope = new JsonObject
        {
            ["type"] = "event_callback", ["event_id"] = new string('E', 2_000), ["event"] = new JsonObject { ["type"] = "message" },
        };

        var status = await PostAsync(SlackPaths.Event, Encoding.UTF8.GetBytes(envelope.ToJsonString()), ContentTypes.Json);

        Assert.Equal(400, status);
        Assert.Empty(_host.Logs.Failures);
    }

    [Fact]
    public async Task A_null_action_in_block_actions_is_skipped()
    {
        var payload = Flows.ButtonPayload(OpenRequestFormButton.Id, "", TestSettings.Customer, TestSettings.CustomerChannel);
        payload["actions"] = new JsonArray(null, new JsonObject { ["action_id"] = OpenRequestFormButton.Id });

        using var response = await _host.Requests.InteractAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Logs.Failures);
    }

    [Fact]
    public async Task A_payload_whose_user_has_no_id_is_refused()
    {
        var payload = Flows.ButtonPayload(OpenRequestFormButton.Id, "", TestSettings.Customer, TestSettings.CustomerChannel);
        payload["user"] = new JsonObject { ["name"] = "nobody" };

        using var response = await _host.Requests.InteractAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(_host.Snapshot().Empty);
    }

    [Fact]
    public async Task A_form_submission_with_a_null_block_gets_field_errors_not_an_exception()
    {
        var submission = Submission(new FormContext(TestSettings.CustomerChannel, null, TicketSource.RequestForm));
        submission["view"]!["state"]!["values"]!["subject"] = null;

        using var response = await _host.Requests.InteractAsync(submission);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Get<TicketStore>().Count());
        Assert.Empty(_host.Logs.Failures);
    }

    [Theory]
    [InlineData(TestSettings.CustomerChannel, 2_000)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public async Task A_form_context_the_bot_could_not_have_written_creates_no_ticket(string? channel, int threadLength)
    {
        var context = new FormContext(channel!, threadLength == 0 ? null : new string('1', threadLength), TicketSource.MessageShortcut);

        using var response = await _host.Requests.InteractAsync(Submission(context));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lost track of its channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Get<TicketStore>().Count());
        Assert.Empty(_host.Logs.Failures);
    }

    [Fact]
    public async Task Taking_thousands_of_numbers_at_once_gets_a_short_refusal()
    {
        var answer = await _host.Requests.CommandAsync("/take", string.Join(' ', Enumerable.Range(1, 3_000)), TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("at most 25", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.Length < 1_000, answer.Text);
    }

    [Theory]
    [InlineData("/take")]
    [InlineData("/status")]
    public async Task A_huge_unknown_word_is_quoted_back_cut_short_and_escaped(string command)
    {
        var answer = await _host.Requests.CommandAsync(command, string.Concat(Enumerable.Repeat("<!channel>", 5_000)), TestSettings.Engineer);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("didn't understand", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.Length < 2_000, $"{answer.Text.Length} characters");
    }

    [Fact]
    public async Task A_huge_status_note_does_not_blow_up_the_ticket_details()
    {
        using var created = await _host.Requests.InteractAsync(Submission(new FormContext(TestSettings.CustomerChannel, null, TicketSource.RequestForm)));
        created.EnsureSuccessStatusCode();
        var note = string.Concat(Enumerable.Repeat("waiting <!here> ", 5_000));
        await _host.Requests.CommandAsync("/status", "1 pending " + note, TestSettings.Engineer);

        var details = await _host.Requests.CommandAsync("/status", "1", TestSettings.Engineer);

        Assert.Contains("#1", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", details.Text, StringComparison.Ordinal);
        Assert.True(details.Text.Length < 5_000, $"{details.Text.Length} characters");
    }

    private async Task<int> PostAsync(string path, byte[] body, string contentType)
    {
        var request = new FuzzRequest(path, "finding", body, contentType, new FuzzSigner(_host.Now).Valid(body));
        var tally = new FuzzTally(0);
        var (status, _) = await _host.SendAsync(request, tally);
        return status;
    }

    private static JsonObject Submission(FormContext context)
    {
        var view = new JsonObject { ["callback_id"] = RequestForm.CallbackId, ["private_metadata"] = JsonSerializer.Serialize(context) };
        return Flows.SubmissionPayload(view, TestSettings.Customer, "Search times out", "Since the upgrade", "Normal");
    }
}
