using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Fuzz;

/// <summary>
/// Requests that can never be genuine: a wrong or missing signature on any body, or a correct signature on a
/// body that cannot parse as what the endpoint expects. Every one of them must be refused (4xx) and write nothing.
/// </summary>
public sealed class RefusedRequestGenerator(Random random, DateTimeOffset now)
{
    public const int OversizedBytes = 1024 * 1024 + 1;

    private readonly FuzzSigner _signer = new(now);
    private readonly BodyFactory _bodies = new(random, now);

    public FuzzRequest Next()
    {
        var path = FuzzStrings.Pick(random, SlackPaths.All);
        // /slack/options parses nothing, so a signed body there is always answered: only bad signatures are refused
        if (path != SlackPaths.Options && random.Next(3) == 0)
            return SignedButUnparseable(path);
        var (bodyKind, body, contentType) = AnyBody(path);
        var (signing, headers) = _signer.Invalid(random, body);
        return new FuzzRequest(path, $"bad-signature:{signing}", body, contentType, headers) { Variant = bodyKind };
    }

    /// <summary>A body over 1 MB, signed or not, with or without a Content-Length.</summary>
    public FuzzRequest Oversized(string path, bool signed, bool withLength)
    {
        var (text, contentType) = _bodies.Valid(path);
        var padding = new string('a', OversizedBytes + random.Next(0, 512 * 1024));
        var body = Encoding.UTF8.GetBytes(contentType == ContentTypes.Json
            ? text[..^1] + ",\"padding\":\"" + padding + "\"}"
            : text + "&padding=" + padding);
        var headers = signed ? _signer.Valid(body) : _signer.Invalid(random, body).Headers;
        return new FuzzRequest(path, "oversized", body, contentType, headers, StreamedWithoutLength: !withLength)
        {
            Variant = (signed ? "signed" : "unsigned") + (withLength ? "" : ",no-content-length"),
        };
    }

    private (string Kind, byte[] Body, string? ContentType) AnyBody(string path)
    {
        switch (random.Next(6))
        {
            case 0:
                var (valid, type) = _bodies.Valid(path);
                return ("valid", Encoding.UTF8.GetBytes(valid), ContentTypes.For(random, type));
            case 1 or 2:
                var (kind, mutated, mutatedType) = _bodies.Mutated(path);
                return (kind, Encoding.UTF8.GetBytes(mutated), ContentTypes.For(random, mutatedType));
            case 3:
                var (text, textType) = _bodies.Valid(path);
                var (encoding, bytes) = BodyEncoding.Mutate(random, text);
                return ("bytes:" + encoding, bytes, ContentTypes.For(random, textType));
            case 4:
                var (other, otherType) = _bodies.Valid(FuzzStrings.Pick(random, SlackPaths.All));
                return ("other-endpoint-body", Encoding.UTF8.GetBytes(other), ContentTypes.For(random, otherType));
            default:
                return ("junk", Junk(), ContentTypes.For(random, ContentTypes.Json));
        }
    }

    private byte[] Junk() => random.Next(6) switch
    {
        0 => [],
        1 => BodyEncoding.RandomBytes(random, random.Next(1, 8192)),
        2 => Encoding.UTF8.GetBytes(FuzzStrings.Pick(random, ["null", "[]", "{}", "\"x\"", "0", "true", " ", "\n\n", "{", "payload", "payload=", "=", "&"])),
        3 => Encoding.UTF8.GetBytes(JsonMutator.Serialize(JsonMutator.Deep(random, random.Next(1, 300)))),
        _ => Encoding.UTF8.GetBytes(FuzzStrings.Any(random)),
    };

    private FuzzRequest SignedButUnparseable(string path)
    {
        var (kind, text, contentType) = path switch
        {
            SlackPaths.Command => UnparseableCommand(),
            SlackPaths.Action => UnparseableInteraction(),
            _ => UnparseableEvent(),
        };
        var body = text as byte[] ?? Encoding.UTF8.GetBytes((string)text);
        return new FuzzRequest(path, "signed-unparseable:" + kind, body, ContentTypes.For(random, contentType), _signer.Valid(body));
    }

    private (string, object, string) UnparseableCommand()
    {
        var fields = ValidPayloads.Command(random);
        switch (random.Next(5))
        {
            case 0:
                return ("json-not-form", NoFormSeparators(new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))).ToJsonString()), ContentTypes.Json);
            case 1:
                var required = FuzzStrings.Pick(random, ["command", "user_id", "channel_id"]);
                var blank = random.Next(2) == 0;
                fields = fields.Select(f => f.Key == required ? new KeyValuePair<string, string>(blank ? required : "x_" + required, blank ? FuzzStrings.Pick(random, FuzzStrings.Blank) : f.Value) : f).ToList();
                for (var n = random.Next(0, 3); n > 0; n--)
                    fields.Add(new(FuzzStrings.Pick(random, FuzzStrings.Words), FuzzStrings.Any(random)));
                return ("missing-required-field", FormCodec.Encode(fields), ContentTypes.Form);
            case 2:
                return ("utf16-form", Encoding.Unicode.GetBytes(FormCodec.Encode(fields)), ContentTypes.Form);
            case 3:
                return ("empty", "", ContentTypes.Form);
            default:
                return ("random-bytes", BodyEncoding.RandomBytes(random, random.Next(1, 4096)), ContentTypes.Form);
        }
    }

    private (string, object, string) UnparseableInteraction()
    {
        var payload = ValidPayloads.Interaction(random);
        switch (random.Next(6))
        {
            case 0:
                return ("no-payload-field", FormCodec.Encode(ValidPayloads.Command(random).Append(new("payloads", payload.ToJsonString()))), ContentTypes.Form);
            case 1:
                var notJson = FuzzStrings.Pick(random, ["", " ", "null", "true", "1", "\"x\"", "payload", "{", "}", "[", "a=b", "{'type':'block_actions'}", "undefined"]);
                return ("payload-not-json", "payload=" + FormCodec.Escape(notJson), ContentTypes.Form);
            case 2:
                var (field, value) = FuzzStrings.Pick(random, WrongTypes);
                payload[field] = JsonNode.Parse(value);
                return ("payload-wrong-type", "payload=" + FormCodec.Escape(payload.ToJsonString()), ContentTypes.Form);
            case 3:
                if (random.Next(2) == 0)
                    payload.Remove(random.Next(2) == 0 ? "type" : "user");
                else
                    payload["type"] = "";
                return ("payload-without-type-or-user", "payload=" + FormCodec.Escape(payload.ToJsonString()), ContentTypes.Form);
            case 4:
                return ("json-not-form", NoFormSeparators(payload.ToJsonString()), ContentTypes.Json);
            default:
                var json = payload.ToJsonString();
                return ("payload-truncated", "payload=" + FormCodec.Escape(json[..random.Next(json.Length)]), ContentTypes.Form);
        }
    }

    private (string, object, string) UnparseableEvent()
    {
        var envelope = ValidPayloads.Event(random, now);
        switch (random.Next(9))
        {
            case 0:
                return ("form-not-json", FormCodec.Encode(ValidPayloads.Command(random)), ContentTypes.Form);
            case 1:
                envelope["type"] = FuzzStrings.Pick(random, ["fuzz", "", "EVENT_CALLBACK", "event_callback ", "block_actions", "url_verification"]);
                envelope.Remove("challenge");
                return ("unknown-type", envelope.ToJsonString(), ContentTypes.Json);
            case 2:
                envelope["type"] = "event_callback";
                envelope["event"] ??= new JsonObject { ["type"] = "message" };
                if (random.Next(2) == 0)
                    envelope.Remove("event_id");
                else
                    envelope["event_id"] = "";
                return ("callback-without-event-id", envelope.ToJsonString(), ContentTypes.Json);
            case 3:
                envelope["type"] = "event_callback";
                envelope["event_id"] = "EvNotAnObject";
                envelope["event"] = JsonNode.Parse(FuzzStrings.Pick(random, ["[]", "\"message\"", "5", "null", "true", "[{\"type\":\"message\"}]"]));
                return ("callback-with-non-object-event", envelope.ToJsonString(), ContentTypes.Json);
            case 4:
                var (field, value) = FuzzStrings.Pick(random, EventWrongTypes);
                envelope[field] = JsonNode.Parse(value);
                return ("envelope-wrong-type", envelope.ToJsonString(), ContentTypes.Json);
            case 5:
                var json = envelope.ToJsonString();
                return ("truncated", json[..random.Next(json.Length)], ContentTypes.Json);
            case 6:
                var text = envelope.ToJsonString();
                var at = random.Next(text.Length + 1);
                return ("nul-byte", text[..at] + "\u0000" + text[at..], ContentTypes.Json);
            case 7:
                envelope["token"] = JsonMutator.Deep(random, random.Next(70, 300));
                return ("too-deep", envelope.ToJsonString(), ContentTypes.Json);
            default:
                return ("not-an-object", FuzzStrings.Pick(random, ["", "null", "[]", "5", "\"x\"", " ", "[{\"type\":\"event_callback\"}]"]), ContentTypes.Json);
        }
    }

    /// <summary>Modelled fields with a JSON kind the payload types cannot hold: the parser must refuse them.</summary>
    private static readonly (string Field, string Value)[] WrongTypes =
    [
        ("type", "5"), ("type", "[]"), ("type", "{}"), ("user", "5"), ("user", "\"U_ENG1\""), ("user", "[]"), ("user", "true"),
        ("user", "{\"id\":5}"), ("user", "{\"id\":[]}"), ("user", "{\"id\":\"U_ENG1\",\"name\":{}}"), ("actions", "\"x\""),
        ("actions", "5"), ("actions", "{}"), ("actions", "[5]"), ("actions", "[\"x\"]"), ("actions", "[{\"action_id\":5}]"),
        ("actions", "[{\"action_id\":\"take_ticket\",\"value\":[]}]"), ("view", "[]"), ("view", "\"x\""), ("view", "5"),
        ("view", "{\"state\":[]}"), ("view", "{\"state\":{\"values\":[]}}"), ("view", "{\"state\":{\"values\":{\"b\":[]}}}"),
        ("view", "{\"callback_id\":{}}"), ("channel", "\"C_ACME\""), ("channel", "5"), ("channel", "[]"), ("container", "1"),
        ("container", "\"x\""), ("container", "{\"is_ephemeral\":\"yes\"}"), ("message", "[]"), ("message", "\"x\""),
        ("trigger_id", "{}"), ("trigger_id", "[]"), ("trigger_id", "5"), ("callback_id", "5"), ("response_url", "[]"),
        ("message_ts", "{}"), ("user", "{\"id\":\"U_ENG1\",\"username\":[1]}"),
    ];

    private static readonly (string Field, string Value)[] EventWrongTypes =
    [
        ("type", "5"), ("type", "[]"), ("type", "{}"), ("type", "null"), ("event_id", "5"), ("event_id", "[]"), ("event_id", "{}"),
        ("event_time", "\"x\""), ("event_time", "{}"), ("event_time", "[]"), ("event_time", "1.5"), ("event_time", "1e400"),
        ("event_time", "\"1.5\""), ("event_time", "true"), ("challenge", "5"), ("challenge", "[]"), ("challenge", "{}"),
        ("team_id", "5"), ("team_id", "[\"T1\"]"),
    ];

    /// <summary>Keeps a JSON text from parsing as a form by accident (a value holding "&amp;command=").</summary>
    private static string NoFormSeparators(string json) => json.Replace('&', '+').Replace('=', ':');
}
