using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Csat;

/// <summary>The optional comment after a rating: a modal whose submission adds the comment to the ticket's CSAT.</summary>
public sealed class CsatCommentForm(CsatRecorder recorder) : IViewSubmissionHandler
{
    public const string Callback = "csat_comment";
    public const string Block = "comment";
    public const string Action = "value";

    public string CallbackId => Callback;

    public static ModalView Build(int number, CsatRating rating) =>
        new(Callback, TextObject.Plain("Thanks for rating"),
        [
            new SectionBlock(TextObject.Markdown($"You rated #{number} {CsatQuestion.Label(rating)}. Anything you'd like to add?")),
            new InputBlock(TextObject.Plain("Comment"), new PlainTextInputElement
            {
                ActionId = Action, Multiline = true, MaxLength = CsatRecorder.MaxComment,
            }) { BlockId = Block, Optional = true },
        ])
        {
            Submit = TextObject.Plain("Send"),
            Close = TextObject.Plain("Skip"),
            PrivateMetadata = number.ToString(CultureInfo.InvariantCulture),
        };

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var comment = payload.View?.State?.Get(Block, Action)?.Value?.Trim() ?? "";
        if (comment.Length > CsatRecorder.MaxComment)
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(
                new Dictionary<string, string> { [Block] = $"Please keep the comment under {CsatRecorder.MaxComment} characters." });
        if (int.TryParse(payload.View?.PrivateMetadata, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            recorder.Comment(number, payload.User!.Id, comment);
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
    }
}
