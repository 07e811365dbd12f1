using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Ai;

public static class AiExtensions
{
    /// <summary>
    /// Help from an OpenAI-compatible model the team chose: summaries, drafted answers, subjects for new tickets.
    /// Everything is registered, and each part answers "off" or does nothing while Ai:Endpoint and Ai:Model are unset.
    /// </summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>().BindSettings(AiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddHttpClient(ModelClient.HttpClientName);
        services.AddSingleton<ModelClient>();
        services.AddSingleton<EngineerReplies>();
        services.AddSingleton<AiRequests>();
        services.AddSingleton<ConversationAsk>();
        services.AddSingleton<SummaryJob>();
        services.AddSingleton<DraftJob>();
        services.AddSingleton<SubjectJob>();
        services.AddSingleton<IOutboxChannel, AiJobChannel>();
        services.AddSingleton<IStatusSubcommand, SummarySubcommand>();
        services.AddSingleton<IStatusSubcommand, DraftSubcommand>();
        services.AddSingleton<IBlockActionHandler, DraftSendButton>();
        services.AddSingleton<IBlockActionHandler, DraftEditButton>();
        services.AddSingleton<IViewSubmissionHandler, DraftEditSubmission>();
        services.AddSingleton<ITicketsChangedHook, SubjectHook>();
        services.AddSingleton<IHandOffLines, HandOffSummaryLine>();
        return builder;
    }
}
