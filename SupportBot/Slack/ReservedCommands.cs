using Microsoft.Extensions.Options;

namespace SupportBot.Slack;

/// <summary>
/// Slack's built-in slash commands. A manifest registering one is refused whole ("the slash command has an invalid
/// name"), so a configured name among them gets a warning at start naming the setting. Only a warning: the app
/// cannot know which names a workspace refuses, and the manifest is where it fails.
/// </summary>
public sealed class ReservedCommands(IOptions<SlackOptions> options, ILogger<ReservedCommands> logger) : IHostedService
{
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/active", "/apps", "/archive", "/away", "/call", "/clear", "/close", "/collapse", "/dm", "/expand", "/feed",
        "/feedback", "/giphy", "/invite", "/join", "/kick", "/leave", "/me", "/msg", "/mute", "/open", "/part",
        "/remind", "/remove", "/rename", "/search", "/shortcuts", "/shrug", "/star", "/status", "/topic", "/who",
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var commands = options.Value.Commands;
        foreach (var (key, name) in new[] { ("Slack:Commands:Take", commands.Take), ("Slack:Commands:Status", commands.Status) })
        {
            if (BuiltIn.Contains(name))
                logger.LogWarning("{Key} is {Command}, a name Slack reserves for a built-in command: a manifest registering it is " +
                                  "refused. Pick another name (the default for the status command is /ticket).", key, name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
