using System.Globalization;
using System.Text.Encodings.Web;
using SupportBot.Time;

namespace SupportBot.Dashboard.Html;

/// <summary>HTML text made safe: every value from a ticket or a person goes through <see cref="E"/> exactly once.</summary>
public static class Html
{
    /// <summary>Text to show: escaped, and isolated for bidi when it could reorder its surroundings (<see cref="BidiIsolation"/>).</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(BidiIsolation.Isolate(text ?? ""));

    /// <summary>Text a form sends back (an input's value, a textarea's content) or an address: escaped only, so it round-trips unchanged.</summary>
    public static string Value(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>An instant as the bot writes it everywhere, its zone named ("2026-12-01 09:30 UTC"): the team spans zones.</summary>
    public static string Stamp(DateTime? at) => at is { } t ? Durations.Stamp(t) : "–";

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string N(double n, string format = "0.#") => n.ToString(format, CultureInfo.InvariantCulture);

    public static string TicketLink(int number, string subject) => $"<a href=\"/tickets/{N(number)}\">#{N(number)}</a> {E(subject)}";

    /// <summary>A link to an outside address: http(s) only, so a stored <c>javascript:</c> link is shown as text, never followed.</summary>
    public static string ExternalLink(string url, string label) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Value(u.AbsoluteUri)}\" rel=\"noreferrer\">{E(label)}</a>"
            : E(label);

    /// <summary>
    /// A table with a header row; cells are already HTML. It scrolls sideways in its own box when it is wider than the
    /// window; the box can take focus (keyboard users scroll it) and is named by the caption: a group, not a
    /// landmark, as a page may have many tables and some share a caption (each customer's "Open").
    /// </summary>
    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string empty = "Nothing here.")
    {
        var body = string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>\n"));
        if (body.Length == 0)
            return $"<p class=\"empty\">{E(empty)}</p>";
        var head = string.Concat(headers.Select(h => $"<th scope=\"col\">{E(h)}</th>"));
        return Scrolling(caption, $"<table><caption>{E(caption)}</caption><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>");
    }

    /// <summary>A table in the box that scrolls it sideways (see <see cref="Table"/>), for tables drawn elsewhere.</summary>
    public static string Scrolling(string caption, string table) =>
        $"<div class=\"scroll\" tabindex=\"0\" role=\"group\" aria-label=\"{E(caption)}\">{table}</div>";
}
