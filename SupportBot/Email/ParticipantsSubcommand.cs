using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Email;

/// <summary>
/// <c>/status 12 participants</c> lists who an email ticket's answers are copied to; <c>… add a@b.c</c> and
/// <c>… remove a@b.c</c> change the list (a colleague the customer forgot to copy, someone who asked to be left out).
/// </summary>
public sealed class ParticipantsSubcommand(TicketStore store, MailPeople people) : IStatusSubcommand
{
    public IReadOnlyList<string> Words { get; } = ["participants"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 participants [add|remove a@b.c]` shows or edits who an email ticket's answers are copied to";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SlackMessage.Ephemeral(Answer(request)));

    private string Answer(StatusRequest request)
    {
        var ticket = request.RequiredTicket;
        var how = $"`{request.Command} {ticket.Number} participants add|remove name@example.com`";
        if (ticket.Talks != ConversationKind.Email || ticket.Via is null)
            return $"#{ticket.Number} is not an email ticket: only mail threads have participants.";
        var words = request.Rest.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words switch
        {
            [] or ["show" or "list"] => List(ticket, how),
            [var verb and ("add" or "remove"), var typed] => Change(request, ticket.Number, verb == "add", Address(typed), how),
            _ => $"I didn't understand `{SlackText.Quote(request.Rest.Trim())}`. Use {how} (one address), or no words to list them.",
        };
    }

    private static string List(Ticket ticket, string how)
    {
        var via = ticket.Via!;
        var requester = $"*#{ticket.Number}* mails go to {SlackText.Escape(via.Address ?? "")} (the requester)";
        if (via.Participants.Count == 0)
            return $"{requester}, with nobody in Cc. Add someone with {how}.";
        var listed = via.Participants.Select(p => "• " + SlackText.Escape(p.Name is null ? p.Address : $"{p.Name} <{p.Address}>"));
        return $"{requester}, copied to:\n{string.Join('\n', listed)}\nChange it with {how}.";
    }

    private string Change(StatusRequest request, int number, bool add, string address, string how)
    {
        if (!MailPeople.IsAddress(address))
            return $"`{SlackText.Quote(address)}` is not a mail address. Use {how}.";
        return store.Change(set =>
        {
            var ticket = set.Find(number)!;
            var via = ticket.Via!;
            var shown = SlackText.Escape(address);
            string? refusal;
            if (add)
                refusal = people.Add(via, address, name: null);
            else
                refusal = via.Participants.RemoveAll(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)) > 0
                    ? null : $"{address} is not a participant";
            if (refusal is not null)
                return $"Nothing changed on #{number}: {SlackText.Escape(refusal)}.";
            ticket.History.Add(new TicketHistoryEntry
            {
                At = set.Now, ActorId = request.UserId, What = add ? $"Participant {address} added" : $"Participant {address} removed",
            });
            set.Update(ticket);
            return add ? $"{shown} is now copied on every mail of #{number}." : $"{shown} is no longer copied on #{number}'s mails.";
        });
    }

    /// <summary>Slack sends a typed address as <c>&lt;mailto:a@b.c|a@b.c&gt;</c> (the command escapes links).</summary>
    private static string Address(string typed)
    {
        var text = typed.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
            text = text[1..^1].Split('|', 2)[0];
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            text = text["mailto:".Length..];
        return SlackMarkup.Unescape(text);
    }
}
