using System.Globalization;
using System.Text.Encodings.Web;
using SupportBot.Time;

namespace SupportBot.Dashboard.Html;

/// <summary>HTML text made safe: every value from a ticket or a person goes through <see cref="E"/> exactly once.</summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>An instant as the bot writes it everywhere, its zone named ("2026-12-01 09:30 UTC"): the team spans zones.</summary>
    public static string Stamp(DateTime? at) => at is { } t ? Durations.Stamp(t) : "–";

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string N(double n, string format = "0.#") => n.ToString(format, CultureInfo.InvariantCulture);

    public static string TicketLink(int number, string subject) => $"<a href=\"/tickets/{N(number)}\">#{N(number)}</a> {E(subject)}";

    /// <summary>A link to an outside address: http(s) only, so a stored <c>javascript:</c> link is shown as text, never followed.</summary>
    public static string ExternalLink(string url, string label) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{E(u.AbsoluteUri)}\" rel=\"noreferrer\">{E(label)}</a>"
            : E(label);

    /// <summary>A table with a header row; cells are already HTML.</summary>
    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string empty = "Nothing here.")
    {
        var body = string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>\n"));
        if (body.Length == 0)
            return $"<p class=\"empty\">{E(empty)}</p>";
        var head = string.Concat(headers.Select(h => $"<th scope=\"col\">{E(h)}</th>"));
        return $"<table><caption>{E(caption)}</caption><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>";
    }
}
