using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Status.Subcommands;

/// <summary><c>/status setup</c>: posts the <i>Request support</i> button in the channel it is run in.</summary>
public sealed class SetupSubcommand(OutboxSender outbox) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["setup"];

    public bool OnTicket => false;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} setup` posts the Request support button in this channel";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var channel = request.Slash.ChannelId;
        outbox.Send(OutboxMessages.Post(channel, RequestButtonMessage.Build()));
        return Task.FromResult(SlackMessage.Ephemeral(
            $"I'm posting the *Request support* button in {SlackText.Channel(channel)}. Pin it so customers can find it."));
    }
}
