namespace SupportBot.Tickets.Resolution;

/// <summary>Seed step 9's resolution paths: the word that names each, and the link each needs.</summary>
public static class ResolutionPaths
{
    private static readonly Dictionary<string, ResolutionPath> ByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["confirmed"] = ResolutionPath.Confirmed,
        ["workaround"] = ResolutionPath.Workaround,
        ["no-reply"] = ResolutionPath.NoReply,
        ["noreply"] = ResolutionPath.NoReply,
        ["defect"] = ResolutionPath.Defect,
        ["feature"] = ResolutionPath.Feature,
        ["security"] = ResolutionPath.Security,
        ["unreachable"] = ResolutionPath.Unreachable,
    };

    /// <summary>Every path in the order people meet them (confirmed first: the modal's default).</summary>
    public static IReadOnlyList<ResolutionPath> All { get; } = Enum.GetValues<ResolutionPath>();

    public static ResolutionPath? Parse(string? word) =>
        word is not null && ByWord.TryGetValue(word.Trim(), out var path) ? path : null;

    /// <summary>The word typed after <c>solved</c>.</summary>
    public static string Word(this ResolutionPath path) => path switch
    {
        ResolutionPath.NoReply => "no-reply",
        _ => path.ToString().ToLowerInvariant(),
    };

    /// <summary>The link a path cannot do without, in words for a refusal; null when it needs none.</summary>
    public static string? NeededLink(this ResolutionPath path) => path switch
    {
        ResolutionPath.Workaround => "the public issue link of the defect behind the workaround",
        ResolutionPath.Defect => "the public issue link of the defect",
        ResolutionPath.Feature => "the public issue link of the feature request",
        ResolutionPath.Security => "the private security issue link",
        _ => null,
    };

    /// <summary>Whether the link may be shown to the customer: a security issue's link stays with the team.</summary>
    public static bool LinkIsPublic(this ResolutionPath path) => path != ResolutionPath.Security;

    /// <summary>Paths where the customer went quiet: their CE hears about it.</summary>
    public static bool CustomerWentQuiet(this ResolutionPath path) => path is ResolutionPath.NoReply or ResolutionPath.Unreachable;

    public static string Describe(this ResolutionPath path) => path switch
    {
        ResolutionPath.Confirmed => "customer confirmed",
        ResolutionPath.Workaround => "workaround, defect filed",
        ResolutionPath.NoReply => "no reply from the customer",
        ResolutionPath.Defect => "defect identified",
        ResolutionPath.Feature => "feature request filed",
        ResolutionPath.Security => "security issue filed",
        ResolutionPath.Unreachable => "customer unreachable",
        _ => path.ToString(),
    };

    /// <summary>One line of help listing the words.</summary>
    public static string Words =>
        string.Join("|", All.Select(p => p.NeededLink() is null ? p.Word() : $"{p.Word()} <url>"));
}
