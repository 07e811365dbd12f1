using Microsoft.Extensions.Options;
using SupportBot.Customers;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Intake;

/// <summary>What a form-like sender (HubSpot, NPS, a feedback form) submitted about one person's request.</summary>
public sealed record FormRequest(string Subject, string Description, string? Email, string? Name,
    Priority Priority = Priority.Normal, string? Customer = null);

/// <summary>
/// Makes a form submission a ticket once per delivery key. The customer gave an address, so with outgoing mail set
/// up they are answered by mail; without it the team answers them itself.
/// </summary>
public sealed class FormTickets(OnceIntake once, IEnumerable<ICustomerChannel> channels, IOptions<CustomersOptions> customers)
{
    public const int MaxSubject = 150;

    public Ticket? Create(string key, TicketSource source, FormRequest form)
    {
        var subject = form.Subject.Trim();
        subject = subject.Length <= MaxSubject ? subject : subject[..(MaxSubject - 1)] + "…";
        var address = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        var name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim();
        var canMail = address is not null && channels.Any(c => c.Kind == ConversationKind.Email && c.CanSend);
        var via = new CustomerConversation
        {
            Kind = canMail ? ConversationKind.Email : ConversationKind.None,
            Address = address,
            Name = name,
            Subject = subject,
        };
        var channel = customers.Value.Customers.FirstOrDefault(c => string.Equals(c.Name, form.Customer?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?.Channels.FirstOrDefault() ?? "";
        var draft = new TicketDraft(subject, form.Description, form.Priority, address ?? name ?? source.ToString(), channel, source,
            RequesterName: name, Via: via);
        return once.Create(key, draft);
    }
}
