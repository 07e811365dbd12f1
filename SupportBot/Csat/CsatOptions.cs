namespace SupportBot.Csat;

/// <summary>The <c>Csat</c> section: whether a solved customer ticket asks its requester for a rating.</summary>
public sealed class CsatOptions
{
    public const string Section = "Csat";

    public bool Enabled { get; set; } = true;
}
