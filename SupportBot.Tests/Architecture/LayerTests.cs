using SupportBot.Tests.Tickets;

namespace SupportBot.Tests.Architecture;

/// <summary>Dependencies between the app's top-level folders point one way, as docs/architecture.md's table says.</summary>
public sealed class LayerTests
{
    private static readonly string Root = DefaultCommandTests.RepoRoot();
    private static readonly FolderRules Rules = FolderRules.Parse(File.ReadAllText(Path.Combine(Root, "docs", "architecture.md")));

    [Fact]
    public void Every_folder_uses_only_what_the_layer_table_allows()
    {
        var edges = FolderEdges.Read(Path.Combine(Root, "SupportBot")).ToList();
        Assert.NotEmpty(edges);
        var forbidden = edges.Where(e => !Rules.Allows(e.From, e.To)).Select(e => e.ToString()).ToList();
        Assert.True(forbidden.Count == 0,
            "Uses the layer table in docs/architecture.md does not allow (change the code, or the table with a reason):\n" +
            string.Join('\n', forbidden));
    }

    [Fact]
    public void The_layer_table_names_every_folder_of_the_app_and_has_no_cycle()
    {
        var folders = Directory.GetDirectories(Path.Combine(Root, "SupportBot"))
            .Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "Properties")).ToList();
        var missing = folders.Where(f => !Rules.MayUse.ContainsKey(f!)).ToList();
        Assert.True(missing.Count == 0, "Folders the layer table in docs/architecture.md does not name: " + string.Join(", ", missing));
        Assert.Null(Rules.Cycle());
    }

    // the checks above, shown failing: a table and files made up for the purpose

    private const string Table = """
        | folder | layer | may use |
        | --- | --- | --- |
        | `Storage` | platform | — |
        | `Tickets` | domain | Storage |
        | `Dashboard` | feature | Tickets, Storage |
        | `LiteDb` | hosting | every folder above it except Dashboard |
        | `Program.cs` | hosting | every folder |
        """;

    [Fact]
    public void A_back_edge_is_reported_with_its_file_and_line()
    {
        var rules = FolderRules.Parse(Table);
        var edges = FolderEdges.Of("Tickets/TicketStore.cs", """
            using SupportBot.Storage;
            using SupportBot.Dashboard.Auth;

            namespace SupportBot.Tickets;

            // a comment naming SupportBot.LiteDb.StoreGate is no use
            public sealed class TicketStore(SupportBot.LiteDb.StoreGate gate) { string S = "SupportBot.Home.X"; }
            """).ToList();

        var forbidden = edges.Where(e => !rules.Allows(e.From, e.To)).Select(e => e.ToString()).ToList();

        Assert.Equal(["Tickets/TicketStore.cs:2: Tickets -> Dashboard", "Tickets/TicketStore.cs:7: Tickets -> LiteDb"], forbidden);
    }

    [Fact]
    public void The_table_reads_every_folder_above_it_and_its_exceptions()
    {
        var rules = FolderRules.Parse(Table);

        Assert.True(rules.Allows("LiteDb", "Tickets"));
        Assert.False(rules.Allows("LiteDb", "Dashboard"));
        Assert.False(rules.Allows("Storage", "Tickets"));
        Assert.True(rules.Allows("Program.cs", "LiteDb"));
        Assert.Null(rules.Cycle());
    }

    [Fact]
    public void A_table_that_allows_a_circle_is_refused()
    {
        var rules = FolderRules.Parse(Table.Replace("| `Storage` | platform | — |", "| `Storage` | platform | Dashboard |", StringComparison.Ordinal));

        Assert.Equal(["Dashboard", "Storage", "Dashboard"], rules.Cycle());
    }
}
