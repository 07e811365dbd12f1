using System.Text.Json;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Intake;

/// <summary>The support request modal: subject, description, priority.</summary>
public static class RequestForm
{
    public const string CallbackId = "support_request";
    public const string SubjectBlock = "subject";
    public const string DescriptionBlock = "description";
    public const string PriorityBlock = "priority";
    public const string InputAction = "value";
    public const int MaxSubject = 150;
    public const int MaxDescription = 3000;

    public static ModalView Build(FormContext context, string? description = null)
    {
        var priorities = Enum.GetValues<Priority>().Select(p => OptionObject.Of(p.ToString(), p.ToString())).ToList();
        return new ModalView(CallbackId, TextObject.Plain("Request support"),
        [
            new InputBlock(TextObject.Plain("Subject"), new PlainTextInputElement
            {
                ActionId = InputAction, MaxLength = MaxSubject,
                Placeholder = TextObject.Plain("A short summary, e.g. Search times out since the upgrade"),
            }) { BlockId = SubjectBlock },
            new InputBlock(TextObject.Plain("Description"), new PlainTextInputElement
            {
                ActionId = InputAction, Multiline = true, MaxLength = MaxDescription, InitialValue = description,
                Placeholder = TextObject.Plain("What happened, what you expected, versions, links, error messages"),
            }) { BlockId = DescriptionBlock },
            new InputBlock(TextObject.Plain("Priority"), new StaticSelectElement(priorities)
            {
                ActionId = InputAction, InitialOption = priorities.First(p => p.Value == nameof(Priority.Normal)),
            }) { BlockId = PriorityBlock },
        ])
        {
            Submit = TextObject.Plain("Submit"),
            Close = TextObject.Plain("Cancel"),
            PrivateMetadata = JsonSerializer.Serialize(context),
        };
    }

    /// <summary>Slack ids and message timestamps are a few dozen characters; anything longer did not come from Slack.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The context the form was opened with; null when it is missing or not one this bot could have written.</summary>
    public static FormContext? ReadContext(PayloadView? view)
    {
        if (string.IsNullOrWhiteSpace(view?.PrivateMetadata))
            return null;
        try
        {
            var context = JsonSerializer.Deserialize<FormContext>(view.PrivateMetadata);
            // the channel and thread become indexed ticket fields, and LiteDB index keys stop at 1,023 bytes
            return context is { ChannelId.Length: > 0 and <= MaxIdLength, ThreadTs: null or { Length: <= MaxIdLength } }
                   && Enum.IsDefined(context.Source)
                ? context
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Where the form was opened, carried through the modal's private_metadata.</summary>
public sealed record FormContext(string ChannelId, string? ThreadTs, TicketSource Source);
