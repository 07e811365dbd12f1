namespace SupportBot.Health;

/// <summary>Tags that pick the checks an endpoint asks.</summary>
public static class HealthTags
{
    /// <summary>
    /// Asked by <c>/health/ready</c>: the checks that say whether this replica can store what it receives (the store
    /// answers and takes writes). Nothing about Slack or mail: a balancer must keep sending webhooks and mail intake
    /// to a replica whose Slack token was revoked.
    /// </summary>
    public const string Ready = "ready";
}
