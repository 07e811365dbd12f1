using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Html;

/// <summary>The page frame: skip link, navigation with access keys, main content, and the sign-out form.</summary>
public static class Layout
{
    private static readonly (string Path, string Label, char Key)[] Nav =
    [
        ("/", "Queue", 'q'), ("/mine", "Mine", 'm'), ("/team", "Team", 't'), ("/customers", "Customers", 'c'), ("/reports", "Reports", 'r'),
    ];

    /// <summary>The Undelivered page, in the navigation while any message is set aside (and on the page itself).</summary>
    private const string UndeliveredPath = Pages.UndeliveredPage.Path;

    /// <param name="undelivered">Set-aside messages: the header shows "Undelivered (n)" while there are any.</param>
    public static string Page(string title, string activePath, string body, string? userId, string? antiforgery, int undelivered = 0)
    {
        var items = Nav.Select(n => (n.Path, n.Label, n.Key, Class: ""));
        if (undelivered > 0 || activePath == UndeliveredPath)
            items = items.Append((UndeliveredPath, undelivered > 0 ? $"Undelivered ({N(undelivered)})" : "Undelivered", 'u',
                undelivered > 0 ? " class=\"alert\"" : ""));
        var nav = userId is null ? "" : string.Concat(items.Select(n =>
            $"<li><a href=\"{n.Path}\" accesskey=\"{n.Key}\"{n.Class}{(n.Path == activePath ? " aria-current=\"page\"" : "")}>{E(n.Label)}</a></li>"));
        var signOut = userId is null || antiforgery is null ? "" :
            $"<form method=\"post\" action=\"/signout\" class=\"signout\">{antiforgery}<span>{E(userId)}</span> <button type=\"submit\">Sign out</button></form>";
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · SupportBot</title>
            <link rel="stylesheet" href="/assets/dashboard.css">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><nav aria-label="Dashboard"><strong>SupportBot</strong><ul>{nav}</ul></nav>{signOut}</header>
            <main id="main" tabindex="-1">
            <h1>{E(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
    }
}
