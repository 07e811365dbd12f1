using System.ComponentModel.DataAnnotations;

namespace SupportBot.Health;

/// <summary>The <c>Health</c> section: how fresh <c>/health</c>'s answer is.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How often each check runs, on its own timer in the background; <c>/health</c> and <c>/health/ready</c> answer
    /// from the latest results instead of running the checks (some read the store) for every request. Zero runs
    /// them per request, as a test that watches one change at once wants.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Health:ProbeInterval must be between 00:00:00 (checks run per request) and 00:05:00.")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);
}
