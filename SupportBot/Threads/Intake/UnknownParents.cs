using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>
/// A #help reply whose thread is no ticket yet: its parent post's event is still behind it, or was lost. The parent
/// is read (<c>conversations.replies</c>/<c>history</c>, retried on 429) and made the ticket its own event would
/// make (the same key, so that event later does nothing), and the reply joins it. When the parent cannot be read
/// the event fails and the inbox tries it again (the parent's own event meanwhile making the ticket), keeping it as
/// a dead letter after its last try: a reply is never dropped unread.
/// </summary>
public sealed class UnknownParents(MessageFetcher fetcher, OnceIntake intake, BotIdentity identity, ThreadReplies replies)
{
    public async Task AttachAsync(SlackMessageEvent reply, CancellationToken cancellationToken)
    {
        var read = await fetcher.FetchAsync(reply.Channel, reply.ThreadTs!, cancellationToken);
        if (read.Problem is { } problem)
            throw new ParentUnreadableException($"The parent of #help reply {reply.Channel}/{reply.Ts} could not be read: {problem}");
        var me = await identity.ResolveAsync(cancellationToken);
        // a deleted parent, or one by a bot (the bot's own posts included), is no help post: nothing to attach to
        if (read.Message is not { User: { } author, BotId: null } parent || author == me?.UserId || (parent.ThreadTs ?? parent.Ts) != parent.Ts)
            return;
        intake.Create(reply.Channel, parent.Ts, HelpPostHandler.Draft(reply.Channel, parent.Ts, author, parent.Text, parent.Files));
        replies.Record(reply);
    }
}

/// <summary>A reply waits for its parent: the event is tried again later.</summary>
public sealed class ParentUnreadableException(string message) : Exception(message);
