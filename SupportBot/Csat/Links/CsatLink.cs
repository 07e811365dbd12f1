using SupportBot.Tickets;

namespace SupportBot.Csat.Links;

/// <summary>What a rating link says: this rating for this ticket, until <see cref="ExpiresAt"/>.</summary>
public sealed record CsatLink(int Number, CsatRating Rating, DateTimeOffset ExpiresAt);

/// <summary>Why a link is refused: cut or mangled, not signed by us, or too old.</summary>
public enum CsatLinkProblem
{
    None,
    Malformed,
    Forged,
    Expired,
}
