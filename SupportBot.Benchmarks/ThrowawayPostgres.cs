using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupportBot.Benchmarks;

/// <summary>
/// A PostgreSQL 15 cluster of its own for one benchmark run, started as <c>.ci/run</c> starts the tests' one: initdb
/// into a temp folder (trust on loopback, the socket inside the folder), as the postgres user when root (initdb
/// refuses root), on a free port; stopped and deleted on dispose. Unlike the tests' cluster, fsync and synchronous
/// commit stay on: a commit here waits for its WAL flush, as in production, so the figures are honest.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asRoot = Environment.UserName == "root";

    private ThrowawayPostgres(string bin, string dir)
    {
        _bin = bin;
        _dir = dir;
    }

    /// <summary>The server's maintenance database as the superuser: what <c>--postgres</c> takes.</summary>
    public string ServerConnection { get; private set; } = "";

    public string Version { get; private set; } = "";

    private string Data => Path.Combine(_dir, "data");

    public static ThrowawayPostgres Start()
    {
        var bin = new[] { Environment.GetEnvironmentVariable("PG_BIN"), "/usr/lib/postgresql/15/bin" }
            .FirstOrDefault(b => b is not null && File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL 15 not found in /usr/lib/postgresql/15/bin (apt-get install postgresql-15, or set PG_BIN)");
        var server = new ThrowawayPostgres(bin, Directory.CreateTempSubdirectory("supportbot-bench-pg-").FullName);
        try
        {
            if (server._asRoot)
                Exec("chown", "postgres:postgres", server._dir);
            server.Run("initdb", "-D", server.Data, "-A", "trust", "-E", "UTF8", "--locale=C", "-U", "postgres");
            var port = FreePort();
            server.Run("pg_ctl", "start", "-s", "-w", "-t", "60", "-D", server.Data, "-l", Path.Combine(server._dir, "server.log"), "-o",
                $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={server._dir} -c fsync=on -c synchronous_commit=on -c max_connections=300");
            server.ServerConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
            server.Version = server.Run("postgres", "--version").Trim();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            Run("pg_ctl", "stop", "-s", "-m", "immediate", "-w", "-D", Data);
        Directory.Delete(_dir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One of the server's programs, as the folder's owner; its output, or an exception with it.</summary>
    private string Run(string program, params string[] args)
    {
        var path = Path.Combine(_bin, program);
        return _asRoot ? Exec("runuser", ["-u", "postgres", "--", path, .. args]) : Exec(path, args);
    }

    private static string Exec(string file, params string[] args)
    {
        // nothing redirected for pg_ctl start: the server it leaves running could hold the pipes open (its log says why it failed)
        var capture = !args.Contains("start");
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = capture, RedirectStandardError = capture };
        using var process = Process.Start(start)!;
        var output = capture ? process.StandardOutput.ReadToEnd() : "";
        var errors = capture ? process.StandardError.ReadToEnd() : "";
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {errors}");
    }
}
