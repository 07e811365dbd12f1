using System.ComponentModel.DataAnnotations;

namespace SupportBot.Scheduling;

/// <summary>The <c>Scheduling</c> section: how often the Quartz jobs look for due tickets.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often each job runs; a reminder is at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Scheduling:ScanInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False keeps the scheduler from starting (a standby instance, or tests that run the sweeps themselves).</summary>
    public bool Enabled { get; set; } = true;
}
