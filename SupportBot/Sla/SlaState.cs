namespace SupportBot.Sla;

/// <summary>A ticket's SLA clocks and what was already sent about them (stored on the ticket).</summary>
public sealed class SlaState
{
}
