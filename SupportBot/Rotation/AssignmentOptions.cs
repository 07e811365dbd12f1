namespace SupportBot.Rotation;

/// <summary>The <c>Assignment</c> section: how incoming work finds an engineer.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";
    public const string Pull = "pull";
    public const string Rotation = "rotation";

    /// <summary>
    /// <c>pull</c> (the team takes with <c>/take</c>; nothing is offered) or <c>rotation</c> (each new request is
    /// offered by DM to one engineer at a time, in turn).
    /// </summary>
    public string Mode { get; set; } = Pull;

    /// <summary>An engineer holding this many open tickets or more is skipped by the rotation.</summary>
    public int MaxOpen { get; set; } = 10;

    /// <summary>How long an unanswered offer stands before it falls to the next engineer.</summary>
    public TimeSpan OfferFor { get; set; } = TimeSpan.FromMinutes(10);

    public bool Rotates => string.Equals(Mode.Trim(), Rotation, StringComparison.OrdinalIgnoreCase);
}
