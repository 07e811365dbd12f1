using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the tests: the server SUPPORTBOT_TEST_POSTGRES names (.ci/run starts one), else a
/// throwaway PostgreSQL 15 cluster of its own (initdb into a temp dir, trust auth, a free loopback port, run as the
/// postgres user when we are root, since initdb refuses root), stopped and deleted on dispose.
/// <see cref="NewDatabase"/> gives each test an empty database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Variable = "SUPPORTBOT_TEST_POSTGRES";
    private readonly string? _dir;
    private readonly string _bin = "";
    private int _databases;

    public PostgresServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server)
        {
            ServerConnection = server;
            return;
        }
        _bin = BinDir();
        _dir = Path.Combine(Path.GetTempPath(), "supportbot-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        var port = FreePort.Next();
        if (AsRoot)
            Run("chown", "postgres:postgres", _dir);
        RunAsOwner(Path.Combine(_bin, "initdb"), "-D", Data, "-A", "trust", "-E", "UTF8", "--locale=C", "-U", "postgres");
        File.AppendAllText(Path.Combine(Data, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {port}
            unix_socket_directories = '{_dir}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 200
            """);
        RunAsOwner(Path.Combine(_bin, "pg_ctl"), "start", "-w", "-t", "30", "-D", Data, "-l", Path.Combine(_dir, "server.log"));
        ServerConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>The server's maintenance database (postgres), as a superuser.</summary>
    public string ServerConnection { get; }

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public string NewDatabase()
    {
        var name = $"supportbot_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        using (var connection = new NpgsqlConnection(ServerConnection))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name, Pooling = true }.ConnectionString;
    }

    private string Data => Path.Combine(_dir!, "data");

    private static bool AsRoot => Environment.UserName == "root";

    private static string BinDir()
    {
        try
        {
            var bin = Run("pg_config", "--bindir").Trim();
            if (File.Exists(Path.Combine(bin, "initdb")))
                return bin;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no pg_config on PATH (Debian ships it only with libpq-dev); fall back to Debian's server folder
        }
        const string debian = "/usr/lib/postgresql/15/bin";
        return File.Exists(Path.Combine(debian, "initdb"))
            ? debian
            : throw new InvalidOperationException($"PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this), or set {Variable}");
    }

    private static string RunAsOwner(string program, params string[] args) =>
        AsRoot ? Run("runuser", ["-u", "postgres", "--", program, .. args]) : Run(program, args);

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error}"));
        return output.Result;
    }

    public void Dispose()
    {
        if (_dir is null)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsOwner(Path.Combine(_bin, "pg_ctl"), "stop", "-m", "immediate", "-w", "-D", Data);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
