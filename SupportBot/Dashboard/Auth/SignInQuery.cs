namespace SupportBot.Dashboard.Auth;

/// <summary>
/// The sign-in link's query, checked before the link is spent: a query the endpoint cannot use is a 400 with its
/// reason, and the link still works when opened as it was sent.
/// </summary>
public static class SignInQuery
{
    public const string Token = "token";
    public const string Next = "next";

    /// <summary>Tokens are 43 base64url characters (<see cref="SignIns"/>); anything longer is not one of ours.</summary>
    private const int MaxTokenLength = 100;

    /// <summary>Why the query cannot be used, or null when it can.</summary>
    public static string? Problem(IQueryCollection query)
    {
        foreach (var key in new[] { Token, Next })
        {
            if (query[key].Count > 1)
                return $"This sign-in link has {query[key].Count} values for {key}; it takes one.";
        }
        var token = query[Token].ToString();
        if (token.Length == 0)
            return "This sign-in link has no token.";
        if (token.Length > MaxTokenLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return "This sign-in link's token is damaged.";
        return null;
    }
}
