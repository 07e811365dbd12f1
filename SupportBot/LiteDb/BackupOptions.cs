using System.ComponentModel.DataAnnotations;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>The <c>Storage:Backup</c> section: daily copies of the data file, kept in a folder of their own.</summary>
public sealed class BackupOptions
{
    public const string Section = "Storage:Backup";

    /// <summary>Where the daily copies go; empty (the default) makes none. Best on another disk than the data file.</summary>
    public string? Folder { get; set; }

    [Range(1, 3650, ErrorMessage = "Storage:Backup:Keep must be between 1 and 3650 (daily copies kept).")]
    public int Keep { get; set; } = 7;
}
