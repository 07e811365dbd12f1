using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Actions;

/// <summary>
/// The ticket page's forms (<c>POST /tickets/12/take</c>…). Each becomes the slash command an engineer would type and
/// goes through <see cref="CommandDispatch"/>, as Slack's requests do: the same handler, history, messages and commit
/// before the answer. The answer is shown on the ticket page after the redirect.
/// </summary>
public static class TicketActionEndpoints
{
    /// <param name="pages">The group that already requires a signed-in member of the team.</param>
    public static void Map(RouteGroupBuilder pages)
    {
        foreach (var action in TicketActionCommand.Actions)
            pages.MapPost($"/tickets/{{number:int}}/{action}", (HttpContext c, int number, IAntiforgery antiforgery, TicketStore store,
                    CommandDispatch dispatch, IOptions<SlackOptions> slack, IOptions<DashboardOptions> dashboard, CancellationToken cancellationToken) =>
                ActAsync(c, number, action, antiforgery, store, dispatch, slack.Value, dashboard.Value, cancellationToken));
    }

    private static async Task<IResult> ActAsync(HttpContext c, int number, string action, IAntiforgery antiforgery, TicketStore store,
        CommandDispatch dispatch, SlackOptions slack, DashboardOptions dashboard, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(c))
                return Refused("This form has expired; reload the page and try again.");
            form = await c.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or InvalidOperationException)
        {
            return Refused("This is not a form the ticket page sends.");
        }
        if (store.Find(number) is null)
            return Results.Text($"There is no ticket #{N(number)}.", statusCode: StatusCodes.Status404NotFound);
        var (command, error) = TicketActionCommand.From(action, number,
            name => form.TryGetValue(name, out var value) ? value.ToString() : null, slack.Commands);
        if (command is null)
            return Refused(error!);
        var user = (string)c.Items[DashboardEndpoints.UserKey]!;
        // typed in the support channel, as an engineer would; no trigger, so nothing here opens a Slack modal
        var slash = new SlashCommand(command.Command, command.Text, user, slack.SupportChannel, TeamId: null, ResponseUrl: null, TriggerId: null);
        var answer = await dispatch.HandleAsync(slash, cancellationToken);
        ActionNotice.Set(c, number, answer.Text, dashboard.SecureCookies(c.Request));
        return Results.Redirect($"/tickets/{N(number)}");
    }

    private static IResult Refused(string reason) => Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);
}
