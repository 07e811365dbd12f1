using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Tickets.Intake;
using SupportBot.Tickets.Status;

namespace SupportBot.Tags;

public static class TagsExtensions
{
    /// <summary>Tags: <c>/ticket N tag add|remove</c> and the <c>Tags:Auto</c> rules applied at intake.</summary>
    public static IHostApplicationBuilder AddTags(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TagsOptions>().BindSettings(TagsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TagsOptions>, TagsOptionsValidator>();
        services.AddSingleton<ITicketCreatedHook, AutoTagger>();
        services.AddSingleton<IStatusSubcommand, TagSubcommand>();
        return builder;
    }
}
