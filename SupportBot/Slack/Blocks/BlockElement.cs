using System.Text.Json.Serialization;

namespace SupportBot.Slack.Blocks;

/// <summary>An interactive element inside a block.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
public abstract record BlockElement
{
    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }
}

public sealed record ButtonElement(
    [property: JsonPropertyName("text")] TextObject Text) : BlockElement
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary><c>primary</c> or <c>danger</c>; null for the default style.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }
}

public sealed record PlainTextInputElement : BlockElement
{
    [JsonPropertyName("multiline")]
    public bool? Multiline { get; init; }

    [JsonPropertyName("initial_value")]
    public string? InitialValue { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("placeholder")]
    public TextObject? Placeholder { get; init; }
}

public sealed record StaticSelectElement(
    [property: JsonPropertyName("options")] IReadOnlyList<OptionObject> Options) : BlockElement
{
    [JsonPropertyName("initial_option")]
    public OptionObject? InitialOption { get; init; }
}
