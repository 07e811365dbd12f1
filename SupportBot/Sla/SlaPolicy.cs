using Microsoft.Extensions.Options;
using SupportBot.Sla.Calendar;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>The configured SLA rules over the business calendar, in the UTC instants tickets store.</summary>
public sealed class SlaPolicy(IOptions<SlaOptions> options)
{
    public SlaOptions Options { get; } = options.Value;

    public BusinessCalendar Calendar { get; } = new(SlaSchedule.From(options.Value));

    /// <summary>The first policy of Sla:Policies that matches the ticket, else the default settings.</summary>
    public SlaTargets TargetsFor(Ticket ticket)
    {
        for (var i = 0; i < Options.Policies.Count; i++)
        {
            var p = Options.Policies[i];
            if (p.Match.Matches(ticket))
                return new SlaTargets(string.IsNullOrWhiteSpace(p.Name) ? $"policy {i}" : p.Name.Trim(),
                    p.FirstResponse ?? DefaultFirstResponse(ticket), p.NextReply, p.Resolution);
        }
        return new SlaTargets(null, DefaultFirstResponse(ticket), Options.NextReply, Options.Resolution);
    }

    /// <summary>The ticket's first-response target under <see cref="TargetsFor"/>.</summary>
    public TimeSpan FirstResponseTarget(Ticket ticket) => TargetsFor(ticket).FirstResponse;

    /// <summary>The default policy's first-response target: the tier's override, else the priority's default.</summary>
    private TimeSpan DefaultFirstResponse(Ticket ticket)
    {
        var tierTarget = ticket.Tier is { } tier && Options.Tiers.TryGetValue(tier, out var overrides)
            ? overrides.FirstResponse.For(ticket.Priority)
            : null;
        return tierTarget ?? Options.FirstResponse.For(ticket.Priority);
    }

    public DateTime AddBusiness(DateTime utc, TimeSpan span) =>
        Calendar.Add(AsOffset(utc), span).UtcDateTime;

    public TimeSpan BusinessElapsed(DateTime from, DateTime to) => Calendar.Elapsed(AsOffset(from), AsOffset(to));

    private static DateTimeOffset AsOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
