using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Fuzz;

/// <summary>Damages a valid JSON payload the way a buggy or hostile sender would: fields gone, types swapped, junk nested in.</summary>
public static class JsonMutator
{
    private static readonly string[] TreeKinds = ["delete-field", "type-swap", "weird-string", "nested-junk", "add-field", "empty-container"];

    /// <summary>One to three mutations of a copy of <paramref name="valid"/>; returns the first one's name and the JSON text.</summary>
    public static (string Kind, string Json) Mutate(Random random, JsonObject valid)
    {
        var root = valid.DeepClone();
        var kinds = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
            kinds.Add(random.Next(6) == 0 ? "text" : MutateTree(random, root));
        var json = Serialize(root);
        if (kinds.Contains("text"))
        {
            var (kind, text) = MutateText(random, json);
            kinds[kinds.IndexOf("text")] = kind;
            json = text;
        }
        return (kinds[0], json);
    }

    public static string MutateTree(Random random, JsonNode root)
    {
        var slots = Slots(root).ToList();
        var kind = TreeKinds[random.Next(TreeKinds.Length)];
        if (slots.Count == 0)
            kind = "add-field";
        var slot = slots.Count == 0 ? default : slots[random.Next(slots.Count)];
        switch (kind)
        {
            case "delete-field":
                if (slot.Parent is JsonObject o)
                    o.Remove(slot.Key!);
                else
                    ((JsonArray)slot.Parent).RemoveAt(slot.Index);
                break;
            case "type-swap":
                slot.Set(OtherKind(random, slot.Value));
                break;
            case "weird-string":
                var strings = slots.Where(s => s.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
                (strings.Count > 0 ? strings[random.Next(strings.Count)] : slot).Set(FuzzStrings.Any(random));
                break;
            case "nested-junk":
                slot.Set(Deep(random, random.Next(2) == 0 ? random.Next(1, 8) : random.Next(60, 200)));
                break;
            case "empty-container":
                slot.Set(random.Next(2) == 0 ? new JsonObject() : new JsonArray());
                break;
            default:
                var objects = new List<JsonObject>();
                if (root is JsonObject top)
                    objects.Add(top);
                objects.AddRange(slots.Select(s => s.Value).OfType<JsonObject>());
                if (objects.Count > 0)
                    objects[random.Next(objects.Count)][FuzzStrings.Pick(random, FuzzStrings.Words) + random.Next(100)] = Junk(random);
                break;
        }
        return kind;
    }

    /// <summary>Damage no JSON tree can hold: truncation, duplicate keys, lone surrogates, trailing junk.</summary>
    public static (string Kind, string Json) MutateText(Random random, string json)
    {
        switch (random.Next(5))
        {
            case 0:
                return ("truncated", json[..random.Next(json.Length)]);
            case 1:
                var duplicate = FuzzStrings.Pick(random, ["\"type\":\"fuzz\",", "\"user\":5,", "\"type\":null,", "\"event_id\":\"\",", "\"user\":{\"id\":\"U_ENG1\"},"]);
                var at = json.IndexOf('{', StringComparison.Ordinal) + 1;
                return ("duplicate-key", at == 0 ? json : json[..at] + duplicate + json[at..]);
            case 2:
                return ("trailing-junk", json + FuzzStrings.Pick(random, ["}", ",", "]", " x", "{}", "\u0000", "//c", "/* */"]));
            case 3:
                var i = random.Next(json.Length);
                return ("bad-escape", json[..i] + FuzzStrings.Pick(random, ["\\", "\\u12", "\\x41", "\\ud800", "\\udc00\\ud800"]) + json[i..]);
            default:
                return ("comment", json.Replace(",", ",/*c*/", StringComparison.Ordinal));
        }
    }

    /// <summary>Serializes, then swaps the lone-surrogate marker for the escape a JsonNode cannot hold.</summary>
    public static string Serialize(JsonNode? node) =>
        (node?.ToJsonString() ?? "null").Replace(FuzzStrings.LoneSurrogateMarker, "\\ud800", StringComparison.Ordinal);

    public static JsonNode? OtherKind(Random random, JsonNode? value)
    {
        var options = value switch
        {
            JsonObject => new[] { "array", "string", "number", "null", "bool" },
            JsonArray => ["object", "string", "number", "null"],
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => ["number", "bool", "null", "array", "object", "big"],
            JsonValue => ["string", "array", "object", "null", "big"],
            _ => ["object", "array", "number", "string"],
        };
        return options[random.Next(options.Length)] switch
        {
            "array" => new JsonArray(Junk(random), Junk(random)),
            "object" => new JsonObject { ["id"] = Junk(random), ["x"] = Junk(random) },
            "string" => JsonValue.Create(FuzzStrings.Any(random)),
            "number" => JsonValue.Create(FuzzStrings.Pick(random, new[] { 0d, -1d, 5d, 1.5, 1e308, -1e-308, 99999999999d })),
            "bool" => JsonValue.Create(random.Next(2) == 0),
            "big" => JsonNode.Parse(random.Next(2) == 0 ? "1e400" : "123456789012345678901234567890"),
            _ => null,
        };
    }

    public static JsonNode? Junk(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(random.Next(2) == 1),
        3 => new JsonArray(JsonValue.Create("x"), null, JsonValue.Create(1)),
        4 => new JsonObject { ["id"] = 5, ["type"] = new JsonArray() },
        5 => Deep(random, random.Next(1, 5)),
        _ => JsonValue.Create(FuzzStrings.Any(random)),
    };

    public static JsonNode Deep(Random random, int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["id"] = node };
        return node;
    }

    private static IEnumerable<Slot> Slots(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    yield return new Slot(o, key, -1, value);
                    foreach (var inner in Slots(value))
                        yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return new Slot(a, null, i, a[i]);
                    foreach (var inner in Slots(a[i]))
                        yield return inner;
                }
                break;
        }
    }

    /// <summary>A place in the tree: a property of an object or an element of an array.</summary>
    private readonly record struct Slot(JsonNode Parent, string? Key, int Index, JsonNode? Value)
    {
        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o)
                o[Key!] = value;
            else
                ((JsonArray)Parent)[Index] = value;
        }

        public void Set(string value) => Set(JsonValue.Create(value));
    }
}

/// <summary>Form bodies (<c>application/x-www-form-urlencoded</c>), built and broken byte by byte.</summary>
public static class FormCodec
{
    private static readonly string[] BadEscapes = ["%", "%z", "%2", "%zz", "%00", "%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%%", "%u0041", "%2G"];

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields, bool plusForSpace = false) =>
        string.Join("&", fields.Select(f => Escape(f.Key, plusForSpace) + "=" + Escape(f.Value, plusForSpace)));

    /// <summary>Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client would send).</summary>
    public static string Escape(string value, bool plusForSpace = false)
    {
        value = value.Replace(FuzzStrings.LoneSurrogateMarker, "\ud800", StringComparison.Ordinal);
        var text = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                text.Append((char)b);
            else if (b == (byte)' ' && plusForSpace)
                text.Append('+');
            else
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>Field-level damage: a field dropped, doubled, emptied or replaced with something strange.</summary>
    public static string MutateFields(Random random, List<KeyValuePair<string, string>> fields)
    {
        var i = random.Next(fields.Count);
        switch (random.Next(6))
        {
            case 0:
                fields.RemoveAt(i);
                return "delete-field";
            case 1:
                fields.Insert(random.Next(fields.Count + 1), new(fields[i].Key, FuzzStrings.Any(random)));
                return "duplicate-field";
            case 2:
                fields[i] = new(fields[i].Key, FuzzStrings.Pick(random, FuzzStrings.Blank));
                return "blank-value";
            case 3:
                fields[i] = new(fields[i].Key, FuzzStrings.Any(random));
                return "weird-value";
            case 4:
                fields[i] = new(random.Next(2) == 0 ? fields[i].Key.ToUpperInvariant() : FuzzStrings.Any(random), fields[i].Value);
                return "renamed-field";
            default:
                fields.Add(new(FuzzStrings.Any(random), FuzzStrings.Any(random)));
                return "extra-field";
        }
    }

    /// <summary>Text-level damage no encoder would produce: bad escapes, stray separators, truncation.</summary>
    public static (string Kind, string Body) MutateText(Random random, string body)
    {
        var at = random.Next(body.Length + 1);
        return random.Next(4) switch
        {
            0 => ("bad-percent-escape", body[..at] + FuzzStrings.Pick(random, BadEscapes) + body[at..]),
            1 => ("stray-separators", body[..at] + FuzzStrings.Pick(random, ["&&", "==", "&=&", "=", "&", "+", ";", "&key-only"]) + body[at..]),
            2 => ("truncated", body[..at]),
            _ => ("raw-unicode", body[..at] + FuzzStrings.Pick(random, FuzzStrings.Unicode) + body[at..]),
        };
    }
}
