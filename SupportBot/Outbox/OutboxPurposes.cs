namespace SupportBot.Outbox;

/// <summary>Common <see cref="OutboxMessage.Purpose"/>s: what a notice says was not delivered.</summary>
public static class OutboxPurposes
{
    /// <summary>A notice about an undelivered message: never itself the subject of another notice.</summary>
    public const string Notice = "a notice about an undelivered message";

    public const string TriageCard = "the triage card";
    public const string Confirmation = "the confirmation to the customer";
    public const string Accountability = "the reply telling the customer who is helping";
    public const string Resolution = "the resolution message to the customer";
    public const string Csat = "the satisfaction question to the customer";
    public const string FollowUp = "the follow-up to the customer";
    public const string Answer = "the engineer's answer to the customer";
    public const string CustomerMessage = "a message to the customer";
}
