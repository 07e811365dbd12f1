using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;

namespace SupportBot.Dashboard.CsatPage;

/// <summary>The rating page of a link token under <c>Dashboard:PublicUrl</c>; none without a public address.</summary>
public sealed class CsatPageAddress(IOptions<DashboardOptions> options) : ICsatPageAddress
{
    public const string Path = "/csat";

    public string? Of(string token) => options.Value.PublicUrl is null ? null : options.Value.Link($"{Path}/{Uri.EscapeDataString(token)}");
}
