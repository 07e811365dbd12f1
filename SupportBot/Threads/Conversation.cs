namespace SupportBot.Threads;

/// <summary>What the ticket's Slack thread has said so far (stored on the ticket).</summary>
public sealed class Conversation
{
}
