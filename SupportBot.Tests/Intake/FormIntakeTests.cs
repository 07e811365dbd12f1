using System.Net;
using System.Text;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Intake;

/// <summary>HubSpot forms and Standard Webhooks senders: signatures, replays, redeliveries and bad bodies.</summary>
public sealed class FormIntakeTests() : AppTest(IntakeRequests.Settings())
{
    private IntakeRequests Intake => new(App);

    private static readonly object Nps = new { subject = "NPS 3: dashboards are slow", description = "Score 3", email = "dana@acme.example", name = "Dana", priority = "high", customer = "Acme Corp" };

    [Fact]
    public async Task A_signed_standard_webhook_makes_one_ticket_per_webhook_id()
    {
        Assert.Equal(HttpStatusCode.OK, (await Intake.StandardAsync("nps", Nps, id: "msg_1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.StandardAsync("nps", Nps, id: "msg_1")).StatusCode);

        var ticket = Ticket(1);
        Assert.Equal(1, Tickets.Count());
        Assert.Equal((TicketSource.Webhook, Priority.High, "Acme Corp"), (ticket.Source, ticket.Priority, ticket.CustomerName));
        Assert.Equal("dana@acme.example", ticket.Via!.Address);
        var status = await CommandAsync("/status", "1");
        Assert.Contains("Dana &lt;dana@acme.example&gt;", status.Text, StringComparison.Ordinal);
        Assert.Contains("Source: Webhook", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_forged_unknown_and_malformed_webhooks_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Intake.StandardAsync("nps", Nps, at: App.Time.GetUtcNow().AddHours(-1))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Intake.StandardAsync("nps", Nps, key: new byte[32])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Intake.StandardAsync("nobody", Nps)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Intake.StandardRawAsync("nps", Encoding.UTF8.GetBytes("{\"description\":\"no subject\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Intake.StandardRawAsync("nps", Encoding.UTF8.GetBytes("not json"))).StatusCode);
        Assert.Equal(0, Tickets.Count());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var big = Encoding.UTF8.GetBytes("{\"subject\":\"" + new string('x', 1024 * 1024) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Intake.StandardRawAsync("nps", big)).StatusCode);
        Assert.Equal(0, Tickets.Count());
    }

    [Fact]
    public async Task A_hubspot_form_becomes_a_new_ticket_with_the_contact_and_its_other_fields()
    {
        var form = new { email = "lee@prospect.example", firstname = "Lee", lastname = "Park", message = "Can we run air-gapped?", company = "Prospect" };
        Assert.Equal(HttpStatusCode.OK, (await Intake.HubSpotAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Intake.HubSpotAsync(form)).StatusCode);

        var ticket = Ticket(1);
        Assert.Equal(1, Tickets.Count());
        Assert.Equal((TicketSource.HubSpot, TicketStatus.New, "Can we run air-gapped?"), (ticket.Source, ticket.Status, ticket.Subject));
        Assert.Contains("company: Prospect", ticket.Description, StringComparison.Ordinal);
        Assert.Equal("Lee Park", ticket.RequesterName);
    }

    [Fact]
    public async Task A_hubspot_call_with_a_wrong_secret_or_an_old_timestamp_is_refused()
    {
        var form = new { email = "lee@prospect.example", message = "hello" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Intake.HubSpotAsync(form, secret: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Intake.HubSpotAsync(form, at: App.Time.GetUtcNow().AddMinutes(-10))).StatusCode);
        Assert.Equal(0, Tickets.Count());
    }
}
