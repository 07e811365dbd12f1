namespace SupportBot.Tickets.Take;

/// <summary>What happened to one ticket of a take, in words for the engineer.</summary>
public sealed record TakeOutcome(int Number, bool Taken, string Message, Ticket? Ticket = null);
