using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Time;

namespace SupportBot.Rotation;

/// <summary>The offer's DM, with its Take and Pass buttons, and the update that replaces it when the offer ends.</summary>
public static class OfferMessages
{
    public const string TakeActionId = "rotation_take";
    public const string PassActionId = "rotation_pass";

    /// <summary>The DM to <paramref name="engineerId"/>; Slack's answer is kept on the ticket so the DM can be updated.</summary>
    public static OutboxMessage Offer(Ticket ticket, string engineerId, TimeSpan offerFor)
    {
        var number = ticket.Number.ToString(CultureInfo.InvariantCulture);
        var text = $"{Headline(ticket)}\nIt's your turn: take it, or pass and it goes to the next engineer. " +
                   $"Unanswered, it goes on in {Durations.Short(offerFor)}.";
        var message = OutboxMessages.DirectMessage(engineerId, new SlackMessage(text)
        {
            Blocks =
            [
                new SectionBlock(TextObject.Markdown(text)),
                new ActionsBlock([
                    new ButtonElement(TextObject.Plain("Take")) { ActionId = TakeActionId, Value = number, Style = "primary" },
                    new ButtonElement(TextObject.Plain("Pass")) { ActionId = PassActionId, Value = number },
                ]) { BlockId = $"rotation_{number}" },
            ],
        });
        message.TicketNumber = ticket.Number;
        message.Record = OutboxRecord.RotationOffer;
        return message;
    }

    /// <summary>The offer's DM rewritten without buttons; null when Slack has not said where the DM is.</summary>
    public static OutboxMessage? Ended(string? channel, string? ts, Ticket ticket, string outcome)
    {
        if (channel is null || ts is null)
            return null;
        var text = $"{outcome}\n{Headline(ticket)}";
        var args = JsonSerializer.SerializeToNode(new SlackMessage(text) { Blocks = [new SectionBlock(TextObject.Markdown(text))] },
            SlackJson.Options)!.AsObject();
        args["channel"] = channel;
        args["ts"] = ts;
        return new OutboxMessage { Lane = channel, Method = "chat.update", Args = args.ToJsonString() };
    }

    private static string Headline(Ticket ticket) =>
        $"*#{ticket.Number}* _{SlackText.Quote(ticket.Subject, 150)}_ · " +
        $"{SlackText.Escape(ticket.CustomerName ?? "unknown customer")} · Priority: {ticket.Priority} · from {TicketPeople.RequesterMention(ticket)}";
}
