namespace SupportBot.Csat.Links;

/// <summary>
/// Where the public rating page of a link token is, or null when the app has no public address. Implemented by the
/// Dashboard, which serves the page under <c>Dashboard:PublicUrl</c> (Csat may not name the Dashboard).
/// </summary>
public interface ICsatPageAddress
{
    string? Of(string token);
}
