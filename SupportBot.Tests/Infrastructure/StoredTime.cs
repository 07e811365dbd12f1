using Npgsql;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// Time passing for what PostgreSQL holds on its own clock, which a test cannot move: every outbox lease, event claim
/// and message expiry is moved back by as much instead, as if that long had gone by since it was set.
/// </summary>
public static class StoredTime
{
    public static void Age(NpgsqlDataSource source, TimeSpan span)
    {
        using var command = source.CreateCommand("""
            update outbox_lanes set lease_until = lease_until - @span;
            update events set claimed_until = claimed_until - @span;
            update outbox set expires_at = expires_at - @span
            """);
        command.Parameters.AddWithValue("span", span);
        command.ExecuteNonQuery();
    }

    public static void Age(string connectionString, TimeSpan span)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        Age(source, span);
    }
}
