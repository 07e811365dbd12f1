using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SupportBot.Dashboard.Pages;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard;

/// <summary>The lists' query strings: what is read, what is refused, and the links that keep the other parameters.</summary>
public sealed class ListQueryTests
{
    private static (ListQuery? Query, string? Error) Parse(string queryString) =>
        ListQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)));

    [Fact]
    public void Reads_every_filter_and_the_sort_in_any_case()
    {
        var (query, error) = Parse("?customer=Globex%20Inc&priority=high&source=EMAIL&status=on-hold&assignee=U_ENG1&sort=Age&dir=desc");

        Assert.Null(error);
        Assert.Equal(new ListQuery("Globex Inc", Priority.High, TicketSource.Email, TicketStatus.OnHold, "U_ENG1", ListSort.Age, true), query);
    }

    [Fact]
    public void Empty_values_from_a_forms_any_choice_are_no_filter()
    {
        var (query, error) = Parse("?customer=&priority=&source=&status=&assignee=&sort=&dir=");

        Assert.Null(error);
        Assert.Equal(ListQuery.Default, query);
    }

    [Theory]
    [InlineData("?priority=Critical", "priority must be one of: Urgent, High, Normal, Low.")]
    [InlineData("?priority=1", "priority must be one of")]
    [InlineData("?status=done", "status must be one of")]
    [InlineData("?sort=colour", "sort must be one of")]
    [InlineData("?dir=up", "dir must be asc or desc.")]
    [InlineData("?assignee=%3Cscript%3E", "assignee must be a Slack user id")]
    [InlineData("?priority=High&priority=Low", "priority is given 2 times")]
    public void Refuses_a_value_it_does_not_know_saying_which(string queryString, string expected)
    {
        var (query, error) = Parse(queryString);

        Assert.Null(query);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_link_keeps_the_filters_and_turns_the_order_round_on_its_own_column()
    {
        var query = new ListQuery(Customer: "A&B Corp", Priority: Priority.High, Sort: ListSort.Age);

        Assert.Equal("/team?customer=A%26B%20Corp&priority=High&sort=age&dir=desc", query.SortedBy(ListSort.Age).Href("/team"));
        Assert.Equal("/team?customer=A%26B%20Corp&priority=High&sort=customer", query.SortedBy(ListSort.Customer).Href("/team"));
        Assert.Equal("/team?sort=age", query.WithoutFilters().Href("/team"));
        Assert.Equal(query, Parse(query.Href("/team")[5..]).Query);
    }
}
