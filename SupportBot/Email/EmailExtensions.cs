using Microsoft.Extensions.Options;
using SupportBot.Outbox;

namespace SupportBot.Email;

public static class EmailExtensions
{
    /// <summary>Mail to and from customers: outgoing answers over SMTP through the outbox.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<IOutboxChannel, SmtpMailChannel>();
        return builder;
    }
}
