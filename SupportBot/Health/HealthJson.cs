using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Health;

/// <summary>
/// /health's body: the overall status and, per check, its status, description (the cause, in words), since when the
/// cause holds (when the check knows: <see cref="HealthData.Since"/>) and its data, as JSON.
/// </summary>
public static class HealthJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Task WriteAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, null);

    /// <param name="checkedAt">When each check's result was taken (the background probe's), shown as its "checkedAt".</param>
    public static Task WriteAsync(HttpContext context, HealthReport report, IReadOnlyDictionary<string, DateTimeOffset>? checkedAt)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                since = e.Value.Data.TryGetValue(HealthData.Since, out var since) ? since : null,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                error = e.Value.Exception?.Message,
                checkedAt = checkedAt?.TryGetValue(e.Key, out var at) == true ? at : (DateTimeOffset?)null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
