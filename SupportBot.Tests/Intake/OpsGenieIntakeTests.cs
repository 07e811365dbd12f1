using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Intake;

public sealed class OpsGenieIntakeTests() : AppTest(IntakeRequests.Settings())
{
    private IntakeRequests Intake => new(App);

    [Fact]
    public async Task A_created_alert_opens_one_urgent_incident_announced_with_the_messengers_checklist()
    {
        Assert.Equal(HttpStatusCode.OK, (await Intake.OpsGenieAsync("Create", "a-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.OpsGenieAsync("Create", "a-1")).StatusCode);

        Assert.Equal(1, Tickets.Count());
        var incident = Ticket(1);
        Assert.Equal(Priority.Urgent, incident.Priority);
        Assert.Equal(TicketSource.OpsGenie, incident.Source);
        Assert.Equal(ConversationKind.None, incident.Talks);
        var announcement = await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("status page", StringComparison.Ordinal));
        var call = Assert.Single(announcement);
        Assert.Contains("<!subteam^S_ONCALL>", call.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.SupportChannel, call.Channel);
        Assert.NotNull(call.ThreadTs); // under the triage card
    }

    [Fact]
    public async Task Notes_and_acknowledgements_become_notes_once_and_close_offers_to_solve()
    {
        await Intake.OpsGenieAsync("Create", "a-2");
        await Intake.OpsGenieAsync("AddNote", "a-2", note: "Rolled back the deploy", updatedAt: 2);
        await Intake.OpsGenieAsync("AddNote", "a-2", note: "Rolled back the deploy", updatedAt: 2);
        await Intake.OpsGenieAsync("Acknowledge", "a-2", updatedAt: 3);
        Assert.Equal(HttpStatusCode.OK, (await Intake.OpsGenieAsync("Close", "a-2", updatedAt: 4)).StatusCode);

        var incident = Ticket(1);
        Assert.Equal(["Rolled back the deploy", "Alert acknowledged by ops in OpsGenie"], incident.Notes.Select(n => n.Text));
        Assert.Contains(incident.History, h => h.What.Contains("alert closed", StringComparison.Ordinal));
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("/status 1 solved", StringComparison.Ordinal)));
        Assert.DoesNotContain(Slack.Find("chat.postMessage"), c => c.Text.Contains("Rolled back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_a_body_without_an_alert_is_a_bad_request()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Intake.OpsGenieAsync("Create", "a-3", token: "nope")).StatusCode);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", IntakeRequests.OpsGenieToken);
        var bad = await client.PostAsync("/intake/opsgenie", new StringContent("{\"action\":\"Create\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, Tickets.Count());
    }
}
