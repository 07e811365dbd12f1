using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;

namespace SupportBot.Intake.HubSpot;

/// <summary>
/// <c>POST /intake/hubspot</c>: a "talk to a dev" form sent by a HubSpot workflow webhook, signed with the v3
/// scheme. The contact's email, firstname, lastname and message make the ticket; other properties go into the
/// description. One ticket per distinct body: HubSpot retries a delivery with the same body.
/// </summary>
public sealed class HubSpotWebhook(IOptions<IntakeOptions> options, FormTickets tickets, TimeProvider time)
{
    public const string Path = "/hubspot";
    private static readonly string[] Known = ["email", "firstname", "lastname", "message"];

    public IResult Handle(HttpContext context)
    {
        var secret = options.Value.HubSpot.Secret;
        if (string.IsNullOrEmpty(secret))
            return IntakeAnswers.NotFound("HubSpot intake is not set up (Intake:HubSpot:Secret).");
        var request = context.Request;
        var body = IntakeBody.Of(context);
        var timestamp = request.Headers[HubSpotSignature.TimestampHeader].ToString();
        if (!Freshness.IsFresh(timestamp, time, milliseconds: true))
            return IntakeAnswers.Unauthorized($"{HubSpotSignature.TimestampHeader} is missing or more than 5 minutes off.");
        if (!HubSpotSignature.Verifies(secret, request.Method, HubSpotSignature.Uri(request, options.Value.PublicUrl), body, timestamp,
                request.Headers[HubSpotSignature.Header].ToString()))
            return IntakeAnswers.Unauthorized($"{HubSpotSignature.Header} does not match.");
        if (Properties(body) is not { } properties)
            return IntakeAnswers.BadRequest("The body must be a JSON object of contact properties.");
        var message = properties.GetValueOrDefault("message");
        var email = properties.GetValueOrDefault("email");
        if (string.IsNullOrWhiteSpace(message) && string.IsNullOrWhiteSpace(email))
            return IntakeAnswers.BadRequest("Neither 'email' nor 'message' was sent.");
        var name = $"{properties.GetValueOrDefault("firstname")} {properties.GetValueOrDefault("lastname")}".Trim();
        var description = new StringBuilder(message?.Trim());
        foreach (var (property, value) in properties.Where(p => !Known.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
            description.Append($"\n{property}: {value}");
        var subject = string.IsNullOrWhiteSpace(message) ? $"Talk to a dev: {name}" : Slack.SlackText.FirstLine(message, FormTickets.MaxSubject);
        var key = "hubspot:" + Convert.ToHexString(SHA256.HashData(body));
        var ticket = tickets.Create(key, TicketSource.HubSpot,
            new FormRequest(subject, description.ToString().Trim(), email, name.Length > 0 ? name : null));
        return ticket is null ? IntakeAnswers.Duplicate() : IntakeAnswers.Accepted(ticket.Number);
    }

    /// <summary>Flat properties, or HubSpot's <c>properties: {name: {value}}</c> shape; values as strings.</summary>
    private static Dictionary<string, string>? Properties(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            if (root.TryGetProperty("properties", out var nested) && nested.ValueKind == JsonValueKind.Object)
                root = nested;
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in root.EnumerateObject())
            {
                var v = p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("value", out var inner) ? inner : p.Value;
                result[p.Name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            }
            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
