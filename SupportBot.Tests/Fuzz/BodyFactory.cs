using System.Text.Json.Nodes;

namespace SupportBot.Tests.Fuzz;

/// <summary>Bodies for each endpoint: valid ones, and valid ones with a few mutations at the JSON and form level.</summary>
public sealed class BodyFactory(Random random, DateTimeOffset now)
{
    public (string Text, string ContentType) Valid(string path) => path switch
    {
        SlackPaths.Command => (FormCodec.Encode(ValidPayloads.Command(random), plusForSpace: true), ContentTypes.Form),
        SlackPaths.Action => (Payload(ValidPayloads.Interaction(random).ToJsonString()), ContentTypes.Form),
        SlackPaths.Event => (ValidPayloads.Event(random, now).ToJsonString(), ContentTypes.Json),
        _ => (Payload(ValidPayloads.Suggestion(random).ToJsonString()), ContentTypes.Form),
    };

    /// <summary>A valid body damaged one to three times; the kind names the first damage.</summary>
    public (string Kind, string Text, string ContentType) Mutated(string path)
    {
        switch (path)
        {
            case SlackPaths.Command:
                var fields = ValidPayloads.Command(random);
                var kind = "form:" + FormCodec.MutateFields(random, fields);
                for (var n = random.Next(0, 3); n > 0; n--)
                    FormCodec.MutateFields(random, fields);
                var form = FormCodec.Encode(fields, plusForSpace: random.Next(2) == 0);
                if (random.Next(3) == 0)
                {
                    var (textKind, text) = FormCodec.MutateText(random, form);
                    return ("form:" + textKind, text, ContentTypes.Form);
                }
                return (kind, form, ContentTypes.Form);
            case SlackPaths.Event:
                var (eventKind, json) = JsonMutator.Mutate(random, ValidPayloads.Event(random, now));
                return ("json:" + eventKind, json, ContentTypes.Json);
            case SlackPaths.Action when random.Next(10) == 0:
                var odd = ValidPayloads.SubmissionWithOddContext(random);
                return ("json:odd-private-metadata", Payload(JsonMutator.Serialize(odd)), ContentTypes.Form);
            default:
                var payload = path == SlackPaths.Action ? ValidPayloads.Interaction(random) : ValidPayloads.Suggestion(random);
                return MutatedPayloadForm(payload);
        }
    }

    private (string Kind, string Text, string ContentType) MutatedPayloadForm(JsonObject payload)
    {
        var (jsonKind, json) = JsonMutator.Mutate(random, payload);
        var kind = "json:" + jsonKind;
        var fields = new List<KeyValuePair<string, string>> { new("payload", json) };
        if (random.Next(6) == 0)
            kind = "form:" + FormCodec.MutateFields(random, fields);
        var form = FormCodec.Encode(fields, plusForSpace: random.Next(2) == 0);
        if (random.Next(8) == 0)
        {
            var (textKind, text) = FormCodec.MutateText(random, form);
            return ("form:" + textKind, text, ContentTypes.Form);
        }
        return (kind, form, ContentTypes.Form);
    }

    private static string Payload(string json) => "payload=" + FormCodec.Escape(json);
}
