namespace SupportBot.Sla;

/// <summary>One scheduled pass over the tickets that are due for a concern.</summary>
public interface ISweep
{
    /// <summary>Acts on every due ticket; returns how many were acted on.</summary>
    int Run();
}
