using SupportBot.Dashboard.Data;
using SupportBot.Dashboard.Reports;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard;

/// <summary>The Reports numbers from known facts.</summary>
public sealed class ReportTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    private static TicketFact Fact(int n, DateTime created, double? firstResponseHours = null, double dueHours = 2,
        DateTime? solved = null, ResolutionPath? path = null, bool reopened = false, CsatRating? csat = null, string customer = "Acme",
        TicketSource source = TicketSource.RequestForm) =>
        new(n, $"T{n}", TicketKind.Request, null, source, customer, "C1", Priority.Normal,
            solved is null ? TicketStatus.Open : TicketStatus.Solved, null, created,
            firstResponseHours is { } h ? created.AddHours(h) : null, created.AddHours(dueHours), solved, null, path, reopened, csat);

    [Fact]
    public void First_response_median_and_p90_per_week()
    {
        var facts = Enumerable.Range(1, 10).Select(i => Fact(i, Monday.AddHours(i), firstResponseHours: i)).ToList();

        var report = Report.Build(facts, Monday, Monday.AddDays(7), Monday.AddDays(8));

        Assert.Equal(5, report.FirstResponseHours[0].Values[0], 6);
        Assert.Equal(9, report.FirstResponseHours[1].Values[0], 6);
    }

    [Fact]
    public void Sla_attainment_counts_late_and_unanswered_overdue_tickets_as_missed()
    {
        List<TicketFact> facts = [Fact(1, Monday, 1), Fact(2, Monday, 3), Fact(3, Monday), Fact(4, Monday.AddDays(6.95))];

        var report = Report.Build(facts, Monday, Monday.AddDays(7), Monday.AddDays(7));

        Assert.Equal(1, report.SlaMet);
        Assert.Equal(3, report.SlaDecided); // #4 is still inside its two hours
    }

    [Fact]
    public void Created_by_source_and_customer_per_week_with_others_folded()
    {
        var facts = Enumerable.Range(1, 8).Select(i => Fact(i, Monday.AddDays(i % 2 * 7), customer: $"C{i}")).ToList();
        facts.Add(Fact(9, Monday, customer: "C1", source: TicketSource.EmojiReaction));

        var report = Report.Build(facts, Monday, Monday.AddDays(14), Monday.AddDays(14));

        Assert.Equal(["Nov 2", "Nov 9"], report.Weeks);
        Assert.Equal(5, report.BySource.Sum(s => s.Values[0]));
        Assert.Equal(4, report.BySource.Sum(s => s.Values[1]));
        Assert.Equal(Report.TopCustomers + 1, report.ByCustomer.Count);
        Assert.Equal("C1", report.ByCustomer[0].Name);
        Assert.Equal("Other", report.ByCustomer[^1].Name);
    }

    [Fact]
    public void Resolution_paths_reopen_rate_csat_and_backlog()
    {
        List<TicketFact> facts =
        [
            Fact(1, Monday, 1, solved: Monday.AddDays(1), path: ResolutionPath.Confirmed, csat: CsatRating.Good),
            Fact(2, Monday, 1, solved: Monday.AddDays(2), path: ResolutionPath.Defect, reopened: true, csat: CsatRating.Bad),
            Fact(3, Monday, 1, solved: Monday.AddDays(8), path: ResolutionPath.Confirmed),
            Fact(4, Monday.AddDays(8), 1),
        ];

        var report = Report.Build(facts, Monday, Monday.AddDays(14), Monday.AddDays(14));

        Assert.Equal(2, report.Paths["Confirmed"]);
        Assert.Equal(1, report.Paths["Defect"]);
        Assert.Equal(3, report.Solved);
        Assert.Equal(1, report.Reopened);
        Assert.Equal(1, report.Csat[CsatRating.Good]);
        Assert.Equal(1, report.Csat[CsatRating.Bad]);
        Assert.Equal([1, 1], report.Backlog[0].Values); // #3 open at the first week's end; #4 at the second's
    }
}
