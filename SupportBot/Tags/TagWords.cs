namespace SupportBot.Tags;

/// <summary>
/// What a tag may be: a short lower-case word of a-z, 0-9, '_' and '-', so it reads the same in Slack, in a URL
/// (<c>?tag=billing</c>) and in a CSV cell, and "Billing" and "billing" are one tag.
/// </summary>
public static class TagWords
{
    public const int MaxLength = 40;
    public const int MaxPerTicket = 20;

    /// <summary>How a typed or configured word is kept: trimmed and lower case (then checked with <see cref="IsValid"/>).</summary>
    public static string Normal(string word) => word.Trim().ToLowerInvariant();

    public static bool IsValid(string word) =>
        word.Length is >= 1 and <= MaxLength && word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-');

    /// <summary>The rule shown wherever a word is refused.</summary>
    public const string Rule = "a tag is 1–40 letters a-z, digits, '_' or '-'";

    /// <summary>Words as typed: spaces or commas between them ("billing sso", "billing, sso").</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
