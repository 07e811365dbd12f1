using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Dashboard.Actions;
using SupportBot.Dashboard.Auth;
using SupportBot.Dashboard.Data;
using SupportBot.Dashboard.Html;
using SupportBot.Dashboard.Pages;
using SupportBot.Dashboard.Reports;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using H = SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard;

/// <summary>
/// The dashboard's pages. Every page but the stylesheet and the sign-in link needs a signed-in member of the
/// support team; everything answers with <see cref="SecurityHeaders"/> (set for the whole app by
/// <see cref="DashboardExtensions.UseSecurityHeaders"/>).
/// </summary>
public static class DashboardEndpoints
{
    public const string UserKey = "dashboard.user";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardCss.Path, (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(DashboardCss.Text, "text/css; charset=utf-8");
        });
        app.MapGet("/signin", SignIn);
        app.MapPost("/signout", SignOut);

        var pages = app.MapGroup("").AddEndpointFilter(RequireTeam);
        pages.MapGet("/", (HttpContext c, TicketFacts facts, TimeProvider time, SlackUserDirectory names) =>
            ListPage(c, "Queue", "/", query => TicketLists.Queue(facts.All(), query, Now(time), names)));
        pages.MapGet("/mine", (HttpContext c, TicketFacts facts, TimeProvider time, SlackUserDirectory names) =>
            ListPage(c, "Mine", "/mine", query => TicketLists.Mine(facts.All(), User(c), query, Now(time), names)));
        pages.MapGet(People.TeamPath, (HttpContext c, TicketFacts facts, TimeProvider time, IOptions<SlackOptions> slack, SlackUserDirectory names) =>
            ListPage(c, "Team", People.TeamPath, query => TeamPage.Render(facts.All(), slack.Value.SupportTeam, query, Now(time), names)));
        pages.MapGet("/customers", (HttpContext c, TicketFacts facts, TimeProvider time, IOptions<CustomersOptions> customers, SlackUserDirectory names) =>
            Page(c, "Customers", "/customers", CustomersPage.Render(facts.All(), customers.Value.Customers, Now(time), names)));
        pages.MapGet("/tickets/{number:int}", (HttpContext c, int number, TicketStore store, TicketFacts facts, TimeProvider time, SlackUserDirectory names,
            SupportTeam team) =>
        {
            if (store.Find(number) is not { } ticket)
                return Page(c, "Not found", "", $"<p>There is no ticket #{H.N(number)}.</p>", StatusCodes.Status404NotFound);
            var tasks = facts.All().Where(t => t.TaskOf == number).OrderBy(t => t.Number).ToList();
            var answer = ActionNotice.Take(c, number, c.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.SecureCookies(c.Request));
            return Page(c, $"#{number} {names.Readable(ticket.Subject)}", "", field => TicketPage.Render(ticket, tasks, Now(time), names,
                TicketActionForms.Render(ticket, User(c), team.Members, names, field, answer)));
        });
        TicketActionEndpoints.Map(pages);
        pages.MapGet("/reports", (HttpContext c, string? from, string? to, TicketFacts facts, TimeProvider time, SlackUserDirectory names) =>
        {
            var now = Now(time);
            var (range, error) = ReportRange.Parse(from, to, now);
            if (range is null)
                return Page(c, "Reports", "/reports", $"<p>{H.E(error)}</p>", StatusCodes.Status400BadRequest);
            var report = Report.Build(facts.All(), range.From, range.To, now);
            return Page(c, "Reports", "/reports", ReportsPage.Render(report, range.From, range.To, names));
        });
        pages.MapGet(UndeliveredPage.Path, (HttpContext c, int? retried, OutboxStore outbox, TicketFacts facts, TimeProvider time,
            IEnumerable<IOutboxChannel> channels) =>
        {
            var messages = outbox.FailedMessages().OrderBy(m => m.SetAsideAt ?? m.CreatedAt).ThenBy(m => m.Id).ToList();
            var numbers = messages.Select(m => m.TicketNumber).OfType<int>().ToHashSet();
            var subjects = facts.All().Where(t => numbers.Contains(t.Number)).ToDictionary(t => t.Number, t => t.Subject);
            var methods = channels.Select(ch => ch.Method).ToHashSet(StringComparer.Ordinal);
            return Page(c, "Undelivered", UndeliveredPage.Path,
                field => UndeliveredPage.Render(messages, subjects, methods, Now(time), field, retried), undelivered: messages.Count);
        });
        pages.MapPost(UndeliveredPage.Path + "/{id:long}/retry", (HttpContext c, long id, IAntiforgery antiforgery, OutboxHealing healing) =>
            RetryAsync(c, antiforgery, () => healing.Retry(id)));
        pages.MapPost(UndeliveredPage.Path + "/retry", (HttpContext c, string? cause, IAntiforgery antiforgery, OutboxHealing healing) =>
            RetryAsync(c, antiforgery, () => string.IsNullOrEmpty(cause) ? healing.Retry(null) : healing.Heal(cause)));
        pages.MapGet("/reports.csv", (HttpContext c, string? from, string? to, TicketFacts facts, TimeProvider time, SlackUserDirectory names) =>
        {
            var now = Now(time);
            var (range, error) = ReportRange.Parse(from, to, now);
            if (range is null)
                return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
            var name = $"tickets-{H.Day(range.From)}-to-{H.Day(range.To.AddDays(-1))}.csv";
            c.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            return Results.Bytes(CsvExport.Utf8(CsvExport.Write(facts.All(), range.From, range.To, now, names)), "text/csv; charset=utf-8");
        });
    }

    private static async ValueTask<object?> RequireTeam(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<DashboardUser>().Of(http) is not { } user)
            return SignInNeeded(http);
        http.Items[UserKey] = user;
        return await next(context);
    }

    /// <summary>Everything about the query is checked before the link is spent: a link is never used up by an answer it cannot give.</summary>
    private static IResult SignIn(HttpContext c, SignIns signIns, IOptions<DashboardOptions> options)
    {
        if (SignInQuery.Problem(c.Request.Query) is { } problem)
            return HtmlAnswer(Layout.Page("Sign-in link not valid", "",
                $"<p>{H.E(problem)} Run <code>{SignInCommand(c)}</code> in Slack for a new one.</p>", null, null),
                StatusCodes.Status400BadRequest);
        var next = LocalRedirect.Resolve(c.Request.Query[SignInQuery.Next]);
        if (signIns.Redeem(c.Request.Query[SignInQuery.Token]) is not { } signedIn)
            return HtmlAnswer(Layout.Page("Sign-in link not valid", "",
                $"<p>This sign-in link has been used or has expired. Run <code>{SignInCommand(c)}</code> in Slack for a new one.</p>", null, null),
                StatusCodes.Status410Gone);
        var secure = options.Value.SecureCookies(c.Request);
        DashboardUser.SetCookie(c, signedIn.Session, options.Value.SessionLifetime, secure);
        return Results.Redirect(next, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOut(HttpContext c, IAntiforgery antiforgery, SignIns signIns)
    {
        if (!await antiforgery.IsRequestValidAsync(c))
            return Results.Text("This form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        signIns.SignOut(c.Request.Cookies[DashboardUser.Cookie]);
        c.Response.Cookies.Delete(DashboardUser.Cookie);
        return Results.Redirect("/");
    }

    /// <summary>A Retry button's POST: checks the form's antiforgery field, retries, and goes back to the page saying how many.</summary>
    private static async Task<IResult> RetryAsync(HttpContext c, IAntiforgery antiforgery, Func<int> retry)
    {
        if (!await antiforgery.IsRequestValidAsync(c))
            return Results.Text("This form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        var retried = retry();
        return Results.Redirect($"{UndeliveredPage.Path}?retried={H.N(retried)}");
    }

    /// <summary>What to run in Slack for a sign-in link, under the configured command name.</summary>
    private static string SignInCommand(HttpContext c) =>
        H.E(c.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value.Commands.Status + " dashboard");

    private static IResult SignInNeeded(HttpContext c) => HtmlAnswer(Layout.Page("Sign in", "",
        $"<p>The dashboard is for the support team. Run <code>{SignInCommand(c)}</code> in Slack and open the link it sends you.</p>",
        null, null), StatusCodes.Status401Unauthorized);

    /// <summary>A ticket list under its query string's filters; a value the list does not know is a 400 page saying which.</summary>
    private static IResult ListPage(HttpContext c, string title, string path, Func<ListQuery, string> body)
    {
        var (query, error) = ListQuery.Parse(c.Request.Query);
        return query is not null ? Page(c, title, path, body(query))
            : Page(c, title, path, $"<p>This list cannot show that: {H.E(error)}</p><p><a href=\"{H.E(path)}\">Show the whole list</a></p>",
                StatusCodes.Status400BadRequest);
    }

    private static IResult Page(HttpContext c, string title, string path, string body, int status = StatusCodes.Status200OK) =>
        Page(c, title, path, _ => body, status);

    /// <summary>A page whose body holds forms of its own: <paramref name="body"/> gets the hidden antiforgery field.</summary>
    private static IResult Page(HttpContext c, string title, string path, Func<string, string> body, int status = StatusCodes.Status200OK,
        int? undelivered = null)
    {
        var tokens = c.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(c);
        var field = $"<input type=\"hidden\" name=\"{H.E(tokens.FormFieldName)}\" value=\"{H.E(tokens.RequestToken)}\">";
        // the header's count on every page; a busy store leaves it out rather than holding the page up
        undelivered ??= c.RequestServices.GetRequiredService<OutboxStore>().TryCount(TimeSpan.FromMilliseconds(100))?.SetAside ?? 0;
        // the header names who is signed in the way every page names people: by name, not by Slack id
        var who = c.RequestServices.GetRequiredService<SlackUserDirectory>().Display(User(c));
        return HtmlAnswer(Layout.Page(title, path, body(field), who, field, undelivered.Value), status);
    }

    private static IResult HtmlAnswer(string html, int status) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string User(HttpContext c) => (string)c.Items[UserKey]!;

    private static DateTime Now(TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
