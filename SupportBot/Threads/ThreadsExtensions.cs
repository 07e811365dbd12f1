using SupportBot.Slack.Interactions;
using SupportBot.Threads.Channels;
using SupportBot.Threads.Intake;
using SupportBot.Threads.Team;

namespace SupportBot.Threads;

public static class ThreadsExtensions
{
    /// <summary>The Events API side: thread replies, edits, #help posts, 🎫 reactions, mentions, joins, channels archived or left, the support group.</summary>
    public static IHostApplicationBuilder AddThreads(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<BotIdentity>();
        services.AddHostedService<BotIdentityWarmup>();
        services.AddSingleton<Speakers>();
        services.AddSingleton<ThreadReplies>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<MessageChanges>();
        services.AddSingleton<MessageFetcher>();
        services.AddSingleton<UnknownParents>();
        services.AddHostedService<SupportGroupRefresher>();

        // handlers that change tickets key on the message (channel + ts), so an event re-run after a failure never acts twice
        services.AddSingleton<IEventHandler, ThreadReplyHandler>();
        services.AddSingleton<IEventHandler, MessageEditHandler>();
        services.AddSingleton<IEventHandler, MessageDeleteHandler>();
        services.AddSingleton<IEventHandler, HelpPostHandler>();
        services.AddSingleton<IEventHandler, TicketReactionHandler>();
        services.AddSingleton<IEventHandler, AppMentionHandler>();
        services.AddSingleton<ChannelLifecycle>();
        services.AddSingleton<IEventHandler, BotJoinedChannelHandler>();
        // the channels the bot posts in: lost (the team is told which open tickets live there) and back (owed posts go out)
        services.AddSingleton<IEventHandler, BotLeftChannelHandler>();
        services.AddSingleton<IEventHandler, GroupLeftHandler>();
        services.AddSingleton<IEventHandler, ChannelArchiveHandler>();
        services.AddSingleton<IEventHandler, GroupArchiveHandler>();
        services.AddSingleton<IEventHandler, ChannelUnarchiveHandler>();
        services.AddSingleton<IEventHandler, GroupUnarchiveHandler>();
        services.AddSingleton<IEventHandler, ChannelDeletedHandler>();
        return builder;
    }
}
