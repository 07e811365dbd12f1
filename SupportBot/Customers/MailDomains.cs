using System.Text.RegularExpressions;

namespace SupportBot.Customers;

/// <summary>
/// Mail domains as settings name them (<c>acme.com</c>: no scheme, no "@", no path) and how an address falls under one:
/// the domain itself or any of its subdomains (<c>eu.acme.com</c> is Acme's too), so one entry covers a company's
/// regional mail servers; where two entries both cover an address, the longer (more specific) one wins.
/// </summary>
public static partial class MailDomains
{
    /// <summary>Lower case, or null when the text is not a bare domain of at least two labels.</summary>
    public static string? Normalize(string? text) =>
        (text ?? "").Trim().TrimEnd('.').ToLowerInvariant() is var d && Bare().IsMatch(d) ? d : null;

    /// <summary>The domain part of an address, lower case; "" without one.</summary>
    public static string Of(string address) =>
        address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..].Trim().TrimEnd('>', '.').ToLowerInvariant() : "";

    /// <summary>How specific the match is: the listed domain's length; -1 when the address is not under it.</summary>
    public static int Match(string address, string listed)
    {
        var domain = Of(address);
        return domain == listed || domain.EndsWith("." + listed, StringComparison.Ordinal) ? listed.Length : -1;
    }

    /// <summary>Splits what a person typed (commas, spaces, new lines) into entries.</summary>
    public static List<string> Split(string? text) =>
        (text ?? "").Split([',', ' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Bare();
}
