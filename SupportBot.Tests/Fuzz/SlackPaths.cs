namespace SupportBot.Tests.Fuzz;

/// <summary>The four request URLs Slack is given.</summary>
public static class SlackPaths
{
    public const string Command = "/slack/command";
    public const string Action = "/slack/action";
    public const string Event = "/slack/event";
    public const string Options = "/slack/options";

    public static readonly string[] All = [Command, Action, Event, Options];
}
