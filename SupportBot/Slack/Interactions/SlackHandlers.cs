namespace SupportBot.Slack.Interactions;

/// <summary>Finds the handler for a command, action, shortcut, view or event by its id.</summary>
public sealed class SlackHandlers(IServiceProvider services)
{
    public ISlashCommandHandler? Command(string name) =>
        services.GetServices<ISlashCommandHandler>().FirstOrDefault(h => string.Equals(h.Command, name, StringComparison.OrdinalIgnoreCase));

    public IBlockActionHandler? Action(string actionId) =>
        services.GetServices<IBlockActionHandler>().FirstOrDefault(h => h.ActionId == actionId);

    public IShortcutHandler? Shortcut(string? callbackId) =>
        services.GetServices<IShortcutHandler>().FirstOrDefault(h => h.CallbackId == callbackId);

    public IViewSubmissionHandler? View(string? callbackId) =>
        services.GetServices<IViewSubmissionHandler>().FirstOrDefault(h => h.CallbackId == callbackId);

    public IEnumerable<IEventHandler> Events(string eventType) =>
        services.GetServices<IEventHandler>().Where(h => h.EventType == eventType);

    public IEnumerable<string> CommandNames => services.GetServices<ISlashCommandHandler>().Select(h => h.Command);
}
