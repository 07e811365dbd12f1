namespace SupportBot.Dashboard.Reports;

/// <summary>SLA clocks with a target that are decided: how many met it. Undecided clocks (still inside their time) are left out.</summary>
public readonly record struct SlaRatio(int Met, int Decided)
{
    /// <summary>This ratio with one more clock counted; a null (no target, not decided) counts nothing.</summary>
    public SlaRatio With(bool? met) => met is { } m ? new(Met + (m ? 1 : 0), Decided + 1) : this;

    /// <summary>The share met, 0 to 100; null when nothing is decided (a page shows "–", not a misleading 0 %).</summary>
    public double? Percent => Decided == 0 ? null : 100.0 * Met / Decided;
}
