using SupportBot.Outbox;
using SupportBot.Slack.Blocks;

namespace SupportBot.Ai;

/// <summary>
/// A model job's outcome, told only to the engineer who asked: through the command's or button's response URL, else
/// as an ephemeral message where they asked, else by DM.
/// </summary>
public sealed class EngineerReplies(OutboxSender outbox)
{
    public void Tell(AiJob job, SlackMessage message)
    {
        var reply = message with { ResponseType = "ephemeral", ReplaceOriginal = false };
        outbox.Send(job switch
        {
            { ResponseUrl: { Length: > 0 } url } => OutboxMessages.ToResponseUrl(url, reply),
            { ChannelId: { Length: > 0 } channel, UserId: { } user } => OutboxMessages.Ephemeral(channel, user, reply),
            _ => OutboxMessages.DirectMessage(job.UserId!, new SlackMessage(reply.Text) { Blocks = reply.Blocks }),
        });
    }
}
