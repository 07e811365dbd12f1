using System.Globalization;

namespace SupportBot.Tickets.Take;

/// <summary>
/// The words after <c>/take</c>: nothing (next waiting ticket), <c>all</c> (this channel's unassigned tickets),
/// numbers (<c>12 15</c>, <c>#12,#15</c>), optionally <c>force</c> to take over held tickets.
/// </summary>
public sealed record TakeArguments(bool Next, bool All, bool Force, IReadOnlyList<int> Numbers, string? Unknown)
{
    public static TakeArguments Parse(string? text)
    {
        var words = (text ?? "").Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = new List<int>();
        bool all = false, force = false;
        foreach (var word in words)
        {
            var w = word.TrimStart('#').ToLowerInvariant();
            if (w is "all")
                all = true;
            else if (w is "force" or "--force" or "over")
                force = true;
            else if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                numbers.Add(n);
            else
                return new(false, false, false, [], word);
        }
        return new(numbers.Count == 0 && !all, all, force, numbers, null);
    }
}
