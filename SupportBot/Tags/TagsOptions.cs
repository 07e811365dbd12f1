namespace SupportBot.Tags;

/// <summary>The <c>Tags</c> section: rules that tag a new ticket from the words of its subject or description.</summary>
public sealed class TagsOptions
{
    public const string Section = "Tags";

    /// <summary><c>Tags:Auto:N</c>: each rule tags a new ticket whose subject or description contains any of its words.</summary>
    public List<AutoTagRule> Auto { get; set; } = [];
}

/// <summary>One <c>Tags:Auto:N</c> rule: any of <see cref="Contains"/> (whole words or phrases, any case) gives <see cref="Tag"/>.</summary>
public sealed class AutoTagRule
{
    public List<string> Contains { get; set; } = [];

    public string? Tag { get; set; }
}
