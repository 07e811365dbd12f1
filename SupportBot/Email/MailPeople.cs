using Microsoft.Extensions.Options;
using MimeKit;
using SupportBot.Customers;
using SupportBot.Tickets;

namespace SupportBot.Email;

/// <summary>
/// Who is who in a customer's mail: the bot's own addresses (its mailboxes and Email:Smtp:From), the team's domains
/// (Email:TeamDomains, else From's), and the customer's people copied on a ticket (its participants).
/// </summary>
public sealed class MailPeople(IOptions<EmailOptions> options)
{
    /// <summary>
    /// A mail copied to a whole list could make every answer go to dozens of people: beyond this many, later
    /// addresses are left for an engineer to add by hand (<c>/ticket N participants add</c>).
    /// </summary>
    public const int MaxParticipants = 20;

    public List<string> Own()
    {
        var own = options.Value.Mailboxes.Select(m => m.User).Where(u => u.Contains('@', StringComparison.Ordinal)).ToList();
        if (MailboxAddress.TryParse(options.Value.Smtp.From, out var from))
            own.Add(from.Address);
        return own;
    }

    public bool IsOwn(string address) => Own().Contains(address, StringComparer.OrdinalIgnoreCase);

    public bool IsTeam(string address) => TeamDomains().Any(d => MailDomains.Match(address, d) > 0);

    /// <summary>The requester or a participant: someone whose mail joins the ticket.</summary>
    public static bool Speaks(CustomerConversation via, string address) =>
        string.Equals(via.Address, address, StringComparison.OrdinalIgnoreCase)
        || via.Participants.Exists(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name a participant gave in their mails, else their address.</summary>
    public static string NameOf(CustomerConversation via, string address) =>
        via.Participants.Find(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)) is { Name: { Length: > 0 } name }
            ? name : address;

    /// <summary>
    /// Adds the customer's people a mail was sent to (From, To, Cc), less the requester, the bot and the team;
    /// returns the addresses added. A colleague Cc'd halfway through the thread joins from that mail on.
    /// </summary>
    public List<string> Join(CustomerConversation via, MimeMessage mail)
    {
        var added = new List<string>();
        foreach (var person in mail.From.Mailboxes.Concat(mail.To.Mailboxes).Concat(mail.Cc.Mailboxes))
        {
            if (Add(via, person.Address, person.Name) is null)
                added.Add(person.Address);
        }
        return added;
    }

    /// <summary>Adds one address; null when added, else why not (in words for the engineer who asked).</summary>
    public string? Add(CustomerConversation via, string address, string? name)
    {
        if (!IsAddress(address))
            return $"{address} is not a mail address";
        if (Speaks(via, address))
            return string.Equals(via.Address, address, StringComparison.OrdinalIgnoreCase) ? $"{address} is the requester" : $"{address} is a participant already";
        if (IsOwn(address))
            return $"{address} is the bot's own address";
        if (IsTeam(address))
            return $"{address} is in the team's own domain";
        if (via.Participants.Count >= MaxParticipants)
            return $"the ticket has {MaxParticipants} participants already";
        via.Participants.Add(new MailParticipant { Address = address, Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim() });
        return null;
    }

    /// <summary>A single mailbox with a local part and a domain ("dana@acme.com"), not a group or a bare name.</summary>
    public static bool IsAddress(string address) =>
        MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address.Trim()
        && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1 && MailDomains.Normalize(address[(at + 1)..]) is not null;

    private IEnumerable<string> TeamDomains() =>
        options.Value.TeamDomains.Count > 0
            ? options.Value.TeamDomains.Select(d => MailDomains.Normalize(d) ?? d)
            : MailboxAddress.TryParse(options.Value.Smtp.From, out var from) ? [MailDomains.Of(from.Address)] : [];
}
