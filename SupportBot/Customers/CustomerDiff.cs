namespace SupportBot.Customers;

/// <summary>What an edit changed, in words for the record's change log.</summary>
public static class CustomerDiff
{
    public static string Describe(Customer? before, Customer after)
    {
        if (before is null)
            return "created";
        var changed = new List<string>();
        void Check(string field, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                changed.Add($"{field}: {Show(a)} → {Show(b)}");
        }
        Check("name", before.Name, after.Name);
        Check("channels", string.Join(", ", before.Channels), string.Join(", ", after.Channels));
        Check("domains", string.Join(", ", before.Domains), string.Join(", ", after.Domains));
        Check("tier", before.Tier, after.Tier);
        Check("lifecycle", before.Lifecycle.Display(), after.Lifecycle.Display());
        Check("contract", before.Contract.Display(), after.Contract.Display());
        Check("CE", before.Ce, after.Ce);
        Check("notes", before.Notes, after.Notes);
        Check("exceptions", before.Exceptions, after.Exceptions);
        Check("links", string.Join(" ", before.Links), string.Join(" ", after.Links));
        return changed.Count == 0 ? "no change" : string.Join("; ", changed);
    }

    private static string Show(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : value.Length <= 60 ? value : value[..59] + "…";
}
