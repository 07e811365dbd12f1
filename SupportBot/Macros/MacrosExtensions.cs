using SupportBot.Slack.Interactions;
using SupportBot.Tickets.Status;

namespace SupportBot.Macros;

public static class MacrosExtensions
{
    /// <summary>Saved replies: <c>/ticket macros</c> and its modals, <c>/ticket 12 macro NAME</c>, the "Send saved reply" shortcut.</summary>
    public static IHostApplicationBuilder AddMacros(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MacroStore>();
        services.AddSingleton<MacroViews>();
        services.AddSingleton<MacroSender>();
        services.AddSingleton<IStatusSubcommand, MacrosSubcommand>();
        services.AddSingleton<IStatusSubcommand, MacroSubcommand>();
        services.AddSingleton<IBlockActionHandler, AddMacroButton>();
        services.AddSingleton<IBlockActionHandler, EditMacroButton>();
        services.AddSingleton<IBlockActionHandler, DeleteMacroButton>();
        services.AddSingleton<IViewSubmissionHandler, MacroFormSubmission>();
        services.AddSingleton<IShortcutHandler, SendSavedReplyShortcut>();
        services.AddSingleton<IViewSubmissionHandler, SavedReplyPickSubmission>();
        return builder;
    }
}
