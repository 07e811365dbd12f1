using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Outbox;
using SupportBot.Postgres;
using SupportBot.Tickets;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// A stored document leaves out the nulls and empty lists a new record already holds (the server parses every
/// document written and prints every one read), and reads back exactly as it was written.
/// </summary>
public sealed class PgJsonTests
{
    // every field written, as the documents were before: the yardstick for "reads back exactly"
    private static readonly JsonSerializerOptions Whole = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_ticket_document_leaves_out_what_a_new_ticket_holds()
    {
        var json = PgJson.Write(new Ticket { Number = 7, Subject = "Search times out", ChannelId = "C_ACME" });

        Assert.DoesNotContain("\"AssigneeId\"", json);
        Assert.DoesNotContain("\"Tags\"", json);
        Assert.DoesNotContain("\"AtRiskAt\"", json);
        Assert.Contains("\"Subject\":\"Search times out\"", json);
        Assert.Contains("\"Priority\":\"Normal\"", json); // values are kept: the open-ticket query reads them from the document
    }

    [Fact]
    public void A_ticket_reads_back_as_it_was_written()
    {
        var at = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        var ticket = new Ticket
        {
            Number = 7, Subject = "Search times out", ChannelId = "C_ACME", AssigneeId = "U_ENG1", Tags = ["billing"],
            FirstResponseDueAt = at, History = [new() { At = at, ActorId = "U_ENG1", What = "Took the ticket" }],
        };
        ticket.Sla.NextReply.DueAt = at;

        var read = PgJson.Read<Ticket>(PgJson.Write(ticket));

        Assert.Equal(JsonSerializer.Serialize(ticket, Whole), JsonSerializer.Serialize(read, Whole));
    }

    [Fact]
    public void A_null_where_a_new_record_holds_a_value_is_kept()
    {
        var ticket = new Ticket { Number = 7, Subject = null!, Tags = null! };

        var read = PgJson.Read<Ticket>(PgJson.Write(ticket));

        Assert.Null(read.Subject);
        Assert.Null(read.Tags);
    }

    [Fact]
    public void An_outbox_message_reads_back_as_it_was_written()
    {
        var message = new OutboxMessage { Id = 3, Lane = "C_ACME", Method = "chat.postMessage", Args = "{\"text\":\"hi\"}", TicketNumber = 7 };

        var read = PgJson.Read<OutboxMessage>(PgJson.Write(message));

        Assert.Equal(JsonSerializer.Serialize(message, Whole), JsonSerializer.Serialize(read, Whole));
    }
}
