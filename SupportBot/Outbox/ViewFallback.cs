using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// A form Slack did not open: <c>views.open</c> refused (a 429 with its Retry-After, or any other error), or its
/// trigger ran out (3 s) while it waited. Instead of nothing happening after a click, the person who asked is told
/// privately to try again, where they asked: through the interaction's response URL, else an ephemeral to them in
/// that channel, else a DM. A retry that still fits in the trigger's 3 s is the worker's to make before this.
/// </summary>
public sealed class ViewFallback(IStoreGate gate, OutboxSignal signal, TimeProvider time, ILogger<ViewFallback> logger)
{
    public const string ViewsOpen = "views.open";

    /// <summary>An answer "try again in 2 s" read minutes later helps nobody: it expires this long after the trigger.</summary>
    public static readonly TimeSpan AnswerLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retires <paramref name="view"/> and queues its answer in one commit (a crash cannot leave both or neither);
    /// returns whether someone is told. For a message that is not a modal it does nothing and returns false.
    /// </summary>
    public bool GiveUp(OutboxMessage view, TimeSpan? retryAfter)
    {
        if (view.Method != ViewsOpen)
            return false;
        var answer = BusyAnswer(view, retryAfter);
        var now = time.GetUtcNow().UtcDateTime;
        gate.Write(s =>
        {
            s.Outbox.Delete(view.Id);
            if (answer is not null)
                OutboxStore.Enqueue(s, answer, now);
        });
        if (answer is null)
        {
            logger.LogWarning("Slack did not open a form (outbox #{Id}) and nobody can be told: the request named no user", view.Id);
            return false;
        }
        signal.Notify();
        return true;
    }

    /// <summary>
    /// The private "Slack is busy, try again in N s" for a modal Slack did not open (N from <paramref name="retryAfter"/>,
    /// Slack's Retry-After; without one, "a few seconds"); null when <paramref name="view"/> is not a modal or names
    /// nobody to tell. Queue it in place of the view.
    /// </summary>
    public static OutboxMessage? BusyAnswer(OutboxMessage view, TimeSpan? retryAfter)
    {
        if (view.Method != ViewsOpen)
            return null;
        var text = Text(retryAfter);
        var answer = view switch
        {
            { ResponseUrl: { Length: > 0 } url } => OutboxMessages.ToResponseUrl(url, SlackMessage.Ephemeral(text) with { ReplaceOriginal = false }),
            { OpenedBy: { Length: > 0 } user, OpenedIn: { Length: > 0 } channel } =>
                OutboxMessages.Ephemeral(channel, user, SlackMessage.Ephemeral(text)),
            { OpenedBy: { Length: > 0 } user } => OutboxMessages.DirectMessage(user, new SlackMessage(text)),
            _ => null,
        };
        if (answer is null)
            return null;
        answer.Purpose = OutboxPurposes.Notice; // if this cannot be delivered either, nobody is told of it in turn
        answer.ExpiresAt = (view.ExpiresAt ?? view.CreatedAt) + AnswerLifetime;
        return answer;
    }

    public static string Text(TimeSpan? retryAfter) => retryAfter is { } wait
        ? $":hourglass: Slack is busy and did not open the form. Try again in {Seconds(wait)} s."
        : ":hourglass: Slack did not open the form in time. Try again in a few seconds.";

    private static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
