namespace SupportBot.Similarity;

/// <summary>How long ago, in the words a person would use: "an hour ago", "3 days ago".</summary>
public static class Age
{
    public static string Ago(TimeSpan age) => age switch
    {
        { TotalMinutes: < 2 } => "just now",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes} minutes ago",
        { TotalHours: < 2 } => "an hour ago",
        { TotalHours: < 24 } => $"{(int)age.TotalHours} hours ago",
        { TotalDays: < 2 } => "a day ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
