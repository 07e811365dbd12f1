using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>
/// Community help channels (seed: "a ticket for each post"): every top-level post by a person becomes a ticket
/// living in the post's thread. Replies in those threads are conversation, not new tickets.
/// </summary>
public sealed class HelpPostHandler(Speakers speakers, OnceIntake intake, IOptions<SlackOptions> slack) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.Parse(slackEvent) is not { IsThreadReply: false } post
            || !slack.Value.HelpChannels.Contains(post.Channel, StringComparer.Ordinal))
            return;
        if (!await speakers.IsPersonTalkingAsync(post, cancellationToken))
            return;
        intake.Create(post.Channel, post.Ts, Draft(post.Channel, post.Ts, Speakers.Author(post), post.Text, post.Files));
    }

    /// <summary>The ticket a #help post makes, whether its own event made it or a reply in its thread came first.</summary>
    public static TicketDraft Draft(string channel, string ts, string author, string text, IReadOnlyCollection<MessageFile> files) =>
        Drafts.FromMessage(channel, ts, author, text, TicketSource.CommunityHelp, ts, "Community help post", files);
}
