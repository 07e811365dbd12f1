using System.ComponentModel.DataAnnotations;

namespace SupportBot.Scheduling;

/// <summary>The <c>Scheduling</c> section: how often the Quartz jobs look for due tickets.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often each job runs; a reminder is at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Scheduling:ScanInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With PostgreSQL (clustered Quartz): how often each replica records that it is alive. A replica silent for twice
    /// this long is taken for dead, and another takes over its triggers and re-runs the jobs it was in the middle of.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Scheduling:ClusterCheckinInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>False keeps the scheduler from starting (a standby instance, or tests that run the sweeps themselves).</summary>
    public bool Enabled { get; set; } = true;
}
