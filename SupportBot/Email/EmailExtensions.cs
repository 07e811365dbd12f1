using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Outbox;
using SupportBot.Storage;

using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Email;

public static class EmailExtensions
{
    /// <summary>Mail to and from customers: mailboxes read over IMAP, answers sent over SMTP through the outbox.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindSettings(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<MailStatus>();
        services.AddSingleton<IOutboxChannel, SmtpMailChannel>();
        services.AddSingleton<ICustomerChannel, EmailCustomerChannel>();
        services.AddSingleton<MailboxCursors>();
        services.AddSingleton<MailPeople>();
        services.AddSingleton<IStatusSubcommand, ParticipantsSubcommand>();
        services.AddSingleton<MailIntake>();
        services.AddSingleton<MailboxReader>();
        services.AddHostedService<MailboxWatcher>();
        services.AddHostedService<SmtpProbe>();
        services.AddHealthChecks().AddCheck<MailHealthCheck>("mail");
        return builder;
    }
}
