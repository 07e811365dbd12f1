using SupportBot.Dashboard.Charts;
using SupportBot.Dashboard.Data;
using SupportBot.Tickets;

namespace SupportBot.Dashboard.Reports;

/// <summary>
/// The Reports page's numbers for a date range, from the in-memory facts: per week created by source and by
/// customer, first-response median and p90, SLA attainment, resolution paths, reopen rate, backlog and CSAT; for the
/// whole range next-reply and resolution SLA attainment, per-engineer figures and tag counts. The SLA figures count
/// the clocks of the requests created in the range, as first response always has. Customer requests only; Tasks
/// are the team's own work.
/// </summary>
public sealed record Report(IReadOnlyList<string> Weeks, IReadOnlyList<Series> BySource, IReadOnlyList<Series> ByCustomer,
    IReadOnlyList<Series> FirstResponseHours, IReadOnlyList<Series> SlaPercent, IReadOnlyList<Series> Backlog,
    IReadOnlyList<Series> CsatByWeek, int Created, int SlaMet, int SlaDecided, IReadOnlyDictionary<string, int> Paths,
    int Solved, int Reopened, IReadOnlyDictionary<CsatRating, int> Csat, SlaRatio NextReply, SlaRatio Resolution,
    IReadOnlyList<EngineerFigures> Engineers, IReadOnlyList<KeyValuePair<string, int>> Tags)
{
    public const int TopCustomers = 6;

    public static Report Build(IReadOnlyList<TicketFact> all, DateTime from, DateTime to, DateTime now)
    {
        var weeks = Reports.Weeks.Between(from, to);
        var index = weeks.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var requests = all.Where(t => t.Kind == TicketKind.Request).ToList();
        var created = requests.Where(t => t.CreatedAt >= from && t.CreatedAt < to).ToList();
        int Week(DateTime at) => index.GetValueOrDefault(Reports.Weeks.StartOf(at), -1);

        var bySource = Counted(created, t => t.Source.ToString(), t => Week(t.CreatedAt), weeks.Count, int.MaxValue);
        var byCustomer = Counted(created, t => t.Customer ?? "(none)", t => Week(t.CreatedAt), weeks.Count, TopCustomers);

        var responses = weeks.Select(_ => new List<double>()).ToList();
        var met = new double[weeks.Count];
        var decided = new double[weeks.Count];
        SlaRatio nextReply = default, resolution = default;
        foreach (var t in created)
        {
            foreach (var wait in t.Waits)
                nextReply = nextReply.With(wait.Met(now));
            resolution = resolution.With(t.ResolutionMet);
            var w = Week(t.CreatedAt);
            if (w < 0)
                continue;
            if (t.FirstResponseAt is { } first)
                responses[w].Add((first - t.CreatedAt).TotalHours);
            if (t.SlaMet(now) is { } ok)
            {
                decided[w]++;
                met[w] += ok ? 1 : 0;
            }
        }
        var firstResponse = new List<Series>
        {
            new("Median", responses.Select(r => Percentile(r, 0.5)).ToList()),
            new("p90", responses.Select(r => Percentile(r, 0.9)).ToList()),
        };
        var sla = new List<Series> { new("Met", met.Select((m, i) => decided[i] == 0 ? double.NaN : 100 * m / decided[i]).ToList()) };

        var backlog = new List<Series> { new("Open at week end", OpenAtWeekEnds(requests, weeks, now)) };

        var solved = requests.Where(t => t.SolvedAt >= from && t.SolvedAt < to).ToList();
        var paths = solved.GroupBy(t => t.Path?.ToString() ?? "Unspecified").OrderByDescending(g => g.Count())
            .ToDictionary(g => g.Key, g => g.Count());
        var rated = solved.Where(t => t.Csat is not null).ToList();
        var csat = Enum.GetValues<CsatRating>().ToDictionary(r => r, r => rated.Count(t => t.Csat == r));
        var ratings = Enum.GetValues<CsatRating>();
        var perWeek = ratings.Select(_ => new double[weeks.Count]).ToArray();
        foreach (var t in rated)
        {
            if (Week(t.SolvedAt!.Value) is var w and >= 0)
                perWeek[(int)t.Csat!.Value][w]++;
        }
        var csatByWeek = ratings.Select(r => new Series(r.Label(), perWeek[(int)r])).ToList();

        return new Report(weeks.Select(Reports.Weeks.Label).ToList(), bySource, byCustomer, firstResponse, sla, backlog, csatByWeek,
            created.Count, (int)met.Sum(), (int)decided.Sum(), paths, solved.Count, solved.Count(t => t.Reopened), csat,
            nextReply, resolution, EngineerFigures.Build(requests, created, from, to, now), TagCounts.Of(created));
    }

    /// <summary>
    /// Open tickets at each week's end (or now, for the current week): created by then and not solved or closed by
    /// then. One pass: each ticket adds one from the first week end after its creation and takes it away from the
    /// first week end after it was done; a running sum gives the backlog.
    /// </summary>
    private static List<double> OpenAtWeekEnds(List<TicketFact> tickets, List<DateTime> weeks, DateTime now)
    {
        var ends = weeks.Select(w => w.AddDays(7) < now ? w.AddDays(7) : now).ToList();
        var delta = new double[weeks.Count + 1];
        foreach (var t in tickets)
        {
            var from = FirstEndAfter(ends, t.CreatedAt);
            var to = t.DoneAt is { } done ? FirstEndAfter(ends, done) : weeks.Count;
            if (from < to)
            {
                delta[from]++;
                delta[to]--;
            }
        }
        var open = new List<double>(weeks.Count);
        var running = 0.0;
        for (var i = 0; i < weeks.Count; i++)
            open.Add(running += delta[i]);
        return open;
    }

    /// <summary>The index of the first week end strictly after <paramref name="at"/> (weeks.Count if none).</summary>
    private static int FirstEndAfter(List<DateTime> ends, DateTime at)
    {
        if (ends.Count == 0 || at < ends[0])
            return 0;
        var i = (int)Math.Min(ends.Count, (at - ends[0]).Ticks / TimeSpan.TicksPerDay / 7 + 1);
        while (i < ends.Count && ends[i] <= at)
            i++;
        while (i > 0 && ends[i - 1] > at)
            i--;
        return i;
    }

    /// <summary>Counts per week for each key; past <paramref name="top"/> keys, the rest are summed as "Other".</summary>
    private static List<Series> Counted(List<TicketFact> tickets, Func<TicketFact, string> key, Func<TicketFact, int> week, int weeks, int top)
    {
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var t in tickets)
        {
            var w = week(t);
            if (w < 0)
                continue;
            var k = key(t);
            if (!counts.TryGetValue(k, out var row))
                counts[k] = row = new double[weeks];
            row[w]++;
        }
        var ranked = counts.OrderByDescending(c => c.Value.Sum()).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var series = ranked.Take(top).Select(c => new Series(c.Key, c.Value)).ToList();
        if (ranked.Count > top)
        {
            var other = new double[weeks];
            foreach (var (_, row) in ranked.Skip(top))
            {
                for (var i = 0; i < weeks; i++)
                    other[i] += row[i];
            }
            series.Add(new Series("Other", other));
        }
        return series;
    }

    /// <summary>Nearest-rank percentile; NaN (no point drawn) for an empty week.</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        values.Sort();
        var rank = (int)Math.Ceiling(p * values.Count) - 1;
        return values[Math.Clamp(rank, 0, values.Count - 1)];
    }
}
