namespace SupportBot.Ai;

/// <summary>What a model call is for: named in every log line about it.</summary>
public enum AiPurpose
{
    Summary,
    Draft,
    Subject,
}
