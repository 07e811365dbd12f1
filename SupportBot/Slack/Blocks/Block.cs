using System.Text.Json.Serialization;

namespace SupportBot.Slack.Blocks;

/// <summary>A layout block. The <c>type</c> discriminator is written by System.Text.Json.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
public abstract record Block
{
    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }
}

public sealed record SectionBlock(
    [property: JsonPropertyName("text")] TextObject Text) : Block
{
    [JsonPropertyName("fields")]
    public IReadOnlyList<TextObject>? Fields { get; init; }

    [JsonPropertyName("accessory")]
    public BlockElement? Accessory { get; init; }
}

public sealed record ActionsBlock(
    [property: JsonPropertyName("elements")] IReadOnlyList<BlockElement> Elements) : Block;

public sealed record ContextBlock(
    [property: JsonPropertyName("elements")] IReadOnlyList<TextObject> Elements) : Block;

public sealed record DividerBlock : Block;

public sealed record HeaderBlock(
    [property: JsonPropertyName("text")] TextObject Text) : Block;

public sealed record InputBlock(
    [property: JsonPropertyName("label")] TextObject Label,
    [property: JsonPropertyName("element")] BlockElement Element) : Block
{
    [JsonPropertyName("optional")]
    public bool? Optional { get; init; }

    [JsonPropertyName("hint")]
    public TextObject? Hint { get; init; }
}
