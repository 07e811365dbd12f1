using System.Globalization;
using System.Net;
using System.Text;
using SupportBot.Dashboard.Reports;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>The CSV export as Excel opens it: UTF-8 with a byte order mark, and no cell it would run as a formula.</summary>
public sealed class CsvForExcelTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test", ["Customers:0:Name"] = Formula })
{
    private const string Formula = "＝cmd|' /C calc'!A0";

    [Fact]
    public async Task The_file_starts_with_a_BOM_and_a_fullwidth_formula_in_a_customer_name_is_neutralised()
    {
        await App.CreateTicketAsync(subject: "Überweisung schlägt fehl");
        var today = App.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await (await App.SignedInAsync()).GetAsync(new Uri($"/reports.csv?from={today}&to={today}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        Assert.StartsWith("number,", rows[0], StringComparison.Ordinal);
        Assert.Contains(",'" + Formula + ",", rows[1], StringComparison.Ordinal);
        Assert.Contains(",Überweisung schlägt fehl,", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    public void A_cell_a_spreadsheet_would_run_gets_an_apostrophe(string value) =>
        Assert.StartsWith("'" + value, CsvExport.Cell(value).TrimStart('"'), StringComparison.Ordinal);

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("a=1")]
    [InlineData("１＋１")]
    public void Other_cells_are_left_as_they_are(string value) => Assert.Equal(value, CsvExport.Cell(value));
}
