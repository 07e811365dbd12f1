using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Intake.OpsGenie;

/// <summary>
/// <c>POST /intake/opsgenie</c>, OpsGenie's webhook integration (<c>Authorization: Bearer Intake:OpsGenie:Token</c>):
/// an alert's Create opens an Urgent incident once per alertId, announced with the messenger's duties; AddNote and
/// Acknowledge become notes; Close is recorded and offers to solve. Each call is applied once.
/// </summary>
public sealed class OpsGenieWebhook(IOptions<IntakeOptions> options, IOptions<SlackOptions> slack, OnceIntake once, TicketIntake intake)
{
    public const string Path = "/opsgenie";

    public IResult Handle(HttpContext context)
    {
        var token = options.Value.OpsGenie.Token;
        if (string.IsNullOrEmpty(token))
            return IntakeAnswers.NotFound("OpsGenie intake is not set up (Intake:OpsGenie:Token).");
        if (!Authorized(context.Request.Headers.Authorization.ToString(), token))
            return IntakeAnswers.Unauthorized("Authorization must be 'Bearer <Intake:OpsGenie:Token>'.");
        if (OpsGenieAlert.Read(IntakeBody.Of(context)) is not { } alert)
            return IntakeAnswers.BadRequest("The body must be an OpsGenie webhook call with action and alert.alertId.");
        var incidentKey = $"opsgenie:{alert.AlertId}";
        if (alert.Action.Equals("Create", StringComparison.OrdinalIgnoreCase))
        {
            var made = once.Once(incidentKey, set => Open(set, alert));
            return made is null ? IntakeAnswers.Duplicate() : IntakeAnswers.Accepted(made.Number);
        }
        var what = Update(alert);
        if (what is null)
            return IntakeAnswers.Ignored($"action {alert.Action}");
        var changed = once.Once($"{incidentKey}:{alert.Action}:{alert.UpdatedAt}:{Hash(alert.Note)}", set =>
        {
            if (OnceIntake.TicketFor(set, incidentKey) is not { } incident)
                return null;
            what(set, incident);
            set.Update(incident);
            return incident;
        });
        return changed is null ? IntakeAnswers.Ignored("no open incident for this alert, or applied already") : IntakeAnswers.Accepted(changed.Number);
    }

    private Ticket Open(TicketChangeSet set, OpsGenieAlert alert)
    {
        var description = $"{alert.Description}\nOpsGenie alert {alert.AlertId}{(alert.Priority is { } p ? $" ({p})" : "")}".Trim();
        var incident = intake.Create(set, new TicketDraft(alert.Message, description, Priority.Urgent, "opsgenie", "", TicketSource.OpsGenie,
            RequesterName: "OpsGenie", Via: new CustomerConversation { Kind = ConversationKind.None, Name = "OpsGenie", Reference = alert.AlertId }));
        var notify = options.Value.OpsGenie.Notify is { Length: > 0 } who ? Announcement.Mention(who) + " " : "";
        set.Send(TriageThread.Post(slack.Value.SupportChannel, incident,
            $"{notify}:rotating_light: Incident *#{incident.Number}* is open. The messenger's duties:\n" +
            "☐ Update the status page\n☐ Tell the stakeholders (CEs of affected customers, leadership)\n" +
            $"☐ Post updates here until it is solved (`{slack.Value.Commands.Status} {incident.Number} solved`)"));
        return incident;
    }

    private Action<TicketChangeSet, Ticket>? Update(OpsGenieAlert alert)
    {
        var by = alert.User is { Length: > 0 } u ? u : "OpsGenie";
        return alert.Action.ToLowerInvariant() switch
        {
            "addnote" => (set, t) => t.Notes.Add(new TicketNote { At = set.Now, AuthorId = "opsgenie:" + by, Text = alert.Note ?? "" }),
            "acknowledge" => (set, t) => t.Notes.Add(new TicketNote { At = set.Now, AuthorId = "opsgenie:" + by, Text = $"Alert acknowledged by {by} in OpsGenie" }),
            "close" => (set, t) =>
            {
                t.History.Add(new TicketHistoryEntry { At = set.Now, What = $"OpsGenie alert closed by {by}" });
                if (!t.Status.IsDone())
                    set.Send(TriageThread.Post(slack.Value.SupportChannel, t,
                        $"The OpsGenie alert of *#{t.Number}* was closed by {SlackText.Escape(by)}. If the incident is over, solve it: `{slack.Value.Commands.Status} {t.Number} solved`"));
            },
            _ => null,
        };
    }

    private static bool Authorized(string header, string token)
    {
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static string Hash(string? text) => text is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
