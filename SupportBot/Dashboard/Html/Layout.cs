using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Html;

/// <summary>The page frame: skip link, navigation with access keys, main content, and the sign-out form.</summary>
public static class Layout
{
    private static readonly (string Path, string Label, char Key)[] Nav =
    [
        ("/", "Queue", 'q'), ("/mine", "Mine", 'm'), ("/team", "Team", 't'), ("/customers", "Customers", 'c'), ("/reports", "Reports", 'r'),
    ];

    public static string Page(string title, string activePath, string body, string? userId, string? antiforgery)
    {
        var nav = userId is null ? "" : string.Concat(Nav.Select(n =>
            $"<li><a href=\"{n.Path}\" accesskey=\"{n.Key}\"{(n.Path == activePath ? " aria-current=\"page\"" : "")}>{E(n.Label)}</a></li>"));
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
