namespace SupportBot.Discord.Gateway;

/// <summary>What to do once a Gateway connection is over.</summary>
public enum GatewayNext
{
    /// <summary>Connect again and RESUME the session (when there is one to resume).</summary>
    Resume,

    /// <summary>Forget the session and IDENTIFY anew.</summary>
    Identify,

    /// <summary>Discord refused something only a person can fix: stop connecting.</summary>
    Fatal,

    /// <summary>The app is stopping.</summary>
    Stop,
}

/// <summary>Why a connection ended, what comes next, and how long to wait at least before it.</summary>
public sealed record GatewayEnd(GatewayNext Next, string Why, TimeSpan Wait = default)
{
    public static GatewayEnd Resume(string why) => new(GatewayNext.Resume, why);

    public static GatewayEnd Identify(string why, TimeSpan wait = default) => new(GatewayNext.Identify, why, wait);

    public static GatewayEnd Fatal(string why) => new(GatewayNext.Fatal, why);

    public static readonly GatewayEnd Stop = new(GatewayNext.Stop, "the app is stopping");
}
