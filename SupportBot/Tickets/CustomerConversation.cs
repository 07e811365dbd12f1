namespace SupportBot.Tickets;

/// <summary>
/// Where the customer of a ticket is talking, when that is not a Slack thread: an email thread, a GitHub issue, or
/// nowhere (an OpsGenie incident has no customer to answer). A ticket without one lives in its Slack thread
/// (<see cref="Ticket.ChannelId"/>, <see cref="Ticket.ThreadTs"/>), as every ticket did before.
/// A class, because LiteDB maps by setters.
/// </summary>
public sealed class CustomerConversation
{
    public ConversationKind Kind { get; set; }

    /// <summary>The customer's email address, the GitHub repository (<c>owner/name</c>), or the Discord help channel's id.</summary>
    public string? Address { get; set; }

    /// <summary>The customer's display name (the mail's From name, the issue author's login).</summary>
    public string? Name { get; set; }

    /// <summary>The GitHub issue number, the Message-Id of the mail that started the email thread, or the Discord thread's id.</summary>
    public string? Reference { get; set; }

    /// <summary>Where the team reads the conversation outside Slack (the page).</summary>
    public string? Link { get; set; }

    /// <summary>The email thread's subject, kept so answers stay in the customer's thread.</summary>
    public string? Subject { get; set; }

    /// <summary>The Message-Id of the customer's latest mail: what the next answer replies to.</summary>
    public string? LastMessageId { get; set; }

    /// <summary>The mailbox (Email:Mailboxes:N:Name) the mail arrived in.</summary>
    public string? Mailbox { get; set; }

    /// <summary>
    /// Mail: the customer's side of the thread besides the requester (<see cref="Address"/>): who their mails were
    /// To/Cc. Every answer copies them, and their replies join the ticket.
    /// </summary>
    public List<MailParticipant> Participants { get; set; } = [];

    /// <summary>
    /// Discord: the ticket's thread is still to be started on the customer's message in a text channel (whose id is
    /// <see cref="Address"/>; the thread takes the message's id, <see cref="Reference"/>). A forum post is its own thread.
    /// </summary>
    public bool StartsThread { get; set; }
}

/// <summary>One person copied on an email ticket. A class, because LiteDB maps by setters.</summary>
public sealed class MailParticipant
{
    public string Address { get; set; } = "";
    public string? Name { get; set; }
}

public enum ConversationKind
{
    Slack,
    Email,
    GitHub,
    None,
    Discord,
}
