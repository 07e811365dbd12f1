namespace SupportBot.Dashboard;

/// <summary>The <c>Dashboard</c> section: the team's web dashboard in this same process.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The address people open (https://support.example.com); sign-in links and the App Home link start with it.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>How long a one-time sign-in link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a session lasts after sign-in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long after start the Reports data is loaded in the background (a page needing it earlier loads it).</summary>
    public TimeSpan WarmUpDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The public address is https: HSTS, and cookies marked Secure even when a TLS proxy forwards plain http.</summary>
    public bool IsHttps => PublicUrl?.Scheme == Uri.UriSchemeHttps;

    /// <summary>Whether a cookie set in answer to <paramref name="request"/> is marked Secure.</summary>
    public bool SecureCookies(HttpRequest request) => request.IsHttps || IsHttps;

    public string Link(string path) => PublicUrl is { } url ? url.ToString().TrimEnd('/') + path : path;
}
