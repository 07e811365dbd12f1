using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Intake;

/// <summary>The "Request support" button the bot posts in customer channels.</summary>
public sealed class OpenRequestFormButton(FormOpener opener) : IBlockActionHandler
{
    public const string Id = "open_request_form";

    public string ActionId => Id;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        if (payload.TriggerId is null || payload.ChannelId is null)
            return Task.CompletedTask;
        opener.Open(payload, RequestForm.Build(new FormContext(payload.ChannelId, null, TicketSource.RequestForm)));
        return Task.CompletedTask;
    }
}
