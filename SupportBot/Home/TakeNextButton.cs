using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Home;

/// <summary>The Home tab's <b>Take next</b>: takes the next waiting ticket and shows the result on the Home.</summary>
public sealed class TakeNextButton(TicketTaker taker, SupportTeam team, HomePublisher publisher) : IBlockActionHandler
{
    public string ActionId => HomeView.TakeNextActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        var notice = !team.IsMember(user) ? "Sorry, only the support team can take tickets."
            : taker.TakeNext(user) is { } outcome ? outcome.Message
            : "The queue is empty. :tada:";
        publisher.Publish(user, notice);
        return Task.CompletedTask;
    }
}
