using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;

namespace SupportBot.Intake.Webhooks;

/// <summary>
/// <c>POST /intake/webhook/{name}</c>: any sender speaking Standard Webhooks (NPS, feedback forms), keyed by
/// <c>Intake:Webhooks:{name}:Secret</c>. The body is <c>{subject, description, email, name, priority?, customer?}</c>;
/// one ticket per <c>webhook-id</c>, so the sender's retries are harmless.
/// </summary>
public sealed class StandardWebhook(IOptions<IntakeOptions> options, FormTickets tickets, TimeProvider time)
{
    public const string Path = "/webhook/{name}";

    public IResult Handle(HttpContext context, string name)
    {
        if (!options.Value.Webhooks.TryGetValue(name, out var source) || StandardWebhookKey.TryParse(source.Secret) is not { } key)
            return IntakeAnswers.NotFound($"No webhook source named '{name}' (Intake:Webhooks:{name}:Secret).");
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        if (id.Length is 0 or > 200)
            return IntakeAnswers.BadRequest("webhook-id is missing.");
        if (!Freshness.IsFresh(timestamp, time))
            return IntakeAnswers.Unauthorized("webhook-timestamp is missing or more than 5 minutes off.");
        var body = IntakeBody.Of(context);
        if (!key.Verifies(id, timestamp, body, headers["webhook-signature"].ToString()))
            return IntakeAnswers.Unauthorized("webhook-signature does not match.");
        if (Read(body) is not { } form)
            return IntakeAnswers.BadRequest("The body must be JSON {subject, description, email, name, priority?, customer?} with a subject.");
        var ticket = tickets.Create($"webhook:{name.ToLowerInvariant()}:{id}", TicketSource.Webhook, form);
        return ticket is null ? IntakeAnswers.Duplicate() : IntakeAnswers.Accepted(ticket.Number);
    }

    private static FormRequest? Read(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            string? S(string p) => root.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (S("subject") is not { } subject || string.IsNullOrWhiteSpace(subject))
                return null;
            var priority = Enum.TryParse<Priority>(S("priority"), ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : Priority.Normal;
            return new FormRequest(subject, S("description") ?? "", S("email"), S("name"), priority, S("customer"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
