using System.Globalization;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Resolution;

/// <summary>The modal a bare <c>/status 12 solved</c> opens: how it was resolved, the link, a note for the team.</summary>
public static class ResolutionForm
{
    public const string CallbackId = "resolve_ticket";
    public const string PathBlock = "path";
    public const string LinkBlock = "link";
    public const string NoteBlock = "note";
    public const string InputAction = "value";
    public const int MaxNote = 2000;

    public static ModalView Build(Ticket ticket)
    {
        var options = ResolutionPaths.All.Select(p => OptionObject.Of(Label(p), p.Word())).ToList();
        return new ModalView(CallbackId, TextObject.Plain($"Solve #{ticket.Number}"),
        [
            new InputBlock(TextObject.Plain("How was it resolved?"), new StaticSelectElement(options)
            {
                ActionId = InputAction, InitialOption = options[0],
            }) { BlockId = PathBlock },
            new InputBlock(TextObject.Plain("Issue link"), new PlainTextInputElement
            {
                ActionId = InputAction, MaxLength = IssueLink.MaxLength, InitialValue = ticket.Resolution?.Link,
                Placeholder = TextObject.Plain("https://github.com/org/repo/issues/12"),
            })
            {
                BlockId = LinkBlock, Optional = true,
                Hint = TextObject.Plain("Needed for workaround, defect, feature and security. A security link is never shown to the customer."),
            },
            new InputBlock(TextObject.Plain("Note for the team"), new PlainTextInputElement
            {
                ActionId = InputAction, Multiline = true, MaxLength = MaxNote,
            }) { BlockId = NoteBlock, Optional = true },
        ])
        {
            Submit = TextObject.Plain("Solve"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = ticket.Number.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static int? ReadNumber(PayloadView? view) =>
        int.TryParse(view?.PrivateMetadata, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static string Label(ResolutionPath path) =>
        $"{char.ToUpperInvariant(path.Describe()[0])}{path.Describe()[1..]}";
}
