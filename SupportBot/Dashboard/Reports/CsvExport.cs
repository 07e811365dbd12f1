using System.Globalization;
using System.Text;
using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Reports;

/// <summary>Tickets created in a date range as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
/// <remarks>Excel reads a CSV without a byte order mark in the machine's legacy code page: <see cref="Utf8"/> starts with one.</remarks>
public static class CsvExport
{
    public static readonly string[] Columns =
    [
        "number", "kind", "task_of", "subject", "customer", "source", "priority", "status", "assignee", "assignee_name", "created_at",
        "first_response_at", "first_response_due_at", "sla_met", "solved_at", "closed_at", "resolution_path", "reopened", "csat",
        "next_reply_waits", "next_reply_met", "resolution_used_minutes", "resolution_met", "tags",
    ];

    /// <remarks>
    /// <c>assignee</c> stays the Slack id, which joins with other exports; <c>assignee_name</c> is what people read
    /// (the name the cache knows, else the id). Mentions in subjects read as <c>@name</c>. New columns go at the end,
    /// so spreadsheets built on the earlier ones keep working.
    /// </remarks>
    public static string Write(IEnumerable<TicketFact> tickets, DateTime from, DateTime to, DateTime now, SlackUserDirectory names)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var t in tickets.Where(t => t.CreatedAt >= from && t.CreatedAt < to).OrderBy(t => t.Number))
        {
            string[] cells =
            [
                t.Number.ToString(CultureInfo.InvariantCulture), t.Kind.ToString(), t.TaskOf?.ToString(CultureInfo.InvariantCulture) ?? "",
                names.Readable(t.Subject), t.Customer ?? "", t.Source.ToString(), t.Priority.ToString(), t.Status.Display(), t.AssigneeId ?? "",
                t.AssigneeId is { } a ? names.Display(a) : "",
                Stamp(t.CreatedAt), Stamp(t.FirstResponseAt), Stamp(t.FirstResponseDueAt),
                YesNo(t.SlaMet(now)),
                Stamp(t.SolvedAt), Stamp(t.ClosedAt), t.Path?.ToString() ?? "", t.Reopened ? "yes" : "no", t.Csat?.ToString() ?? "",
                t.Waits.Count.ToString(CultureInfo.InvariantCulture), YesNo(NextReplyMet(t, now)),
                t.ResolutionUsed is { } used ? ((long)used.TotalMinutes).ToString(CultureInfo.InvariantCulture) : "", YesNo(t.ResolutionMet), t.Tags,
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with its byte order mark, so Excel does not garble non-ASCII names.</summary>
    public static byte[] Utf8(string csv) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>
    /// Quotes when needed; a cell a spreadsheet would run as a formula is prefixed with an apostrophe: one starting with
    /// =, +, -, @, a tab or a carriage return, or their fullwidth forms (＝＋－＠), which Excel takes as the same.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>No when any wait missed its target (late, or unanswered past it); yes when every decided one met it; empty when none is decided.</summary>
    private static bool? NextReplyMet(TicketFact t, DateTime now)
    {
        var all = t.Waits.Aggregate(default(SlaRatio), (ratio, wait) => ratio.With(wait.Met(now)));
        return all.Decided == 0 ? null : all.Met == all.Decided;
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };

    private static string Stamp(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
