using SupportBot.Intake;
using SupportBot.Slack;
using SupportBot.Slack.Users;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// Sends a saved reply to a ticket's customer by the path <c>/ticket 12 reply</c> takes (<see cref="CustomerAnswers"/>),
/// its placeholders filled, then sets its status in the same commit.
/// </summary>
public sealed class MacroSender(MacroStore macros, TicketStore tickets, CustomerAnswers answers, SlackUserDirectory names)
{
    /// <summary>What the engineer is told. <paramref name="answerId"/> makes a retried request send nothing more.</summary>
    public string Send(int number, string name, string engineerId, string answerId)
    {
        if (macros.Named(name) is not { } macro)
            return Unknown(name);
        if (tickets.Find(number) is not { } ticket)
            return $"There is no ticket #{number}.";
        var text = MacroText.Fill(macro.Text, ticket, engineerId, names.Known(engineerId));
        return answers.Send(number, engineerId, text, answerId,
            $"Sending the saved reply *{SlackText.Escape(macro.Name)}* to the customer of *#{number}*.", macro.Status);
    }

    private string Unknown(string name)
    {
        var all = macros.All();
        var saved = all.Count == 0 ? "There are none yet" : "Saved replies: " + string.Join(", ", all.Select(m => $"`{SlackText.Escape(m.Name)}`"));
        return $"There is no saved reply named `{SlackText.Quote(name, Macro.MaxName + 10)}`; nothing was sent. {saved}.";
    }
}
