using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MailCatcher.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL server for the tests (issue 14): <c>initdb</c> into a temporary folder,
/// <c>postgres</c> on 127.0.0.1 at a free port (its socket in the same folder), stopped and deleted
/// when the test process exits. One per test process, started on first use; each test host gets a
/// database of its own from <see cref="CreateDatabaseAsync"/>.
/// <para>
/// Not a mock and never skipped: when PostgreSQL cannot start the tests that need it fail with
/// the reason (CI installs Debian's <c>postgresql</c> in <c>.ci/run</c>). initdb and postgres
/// refuse to run as root, so under root they run as the <c>postgres</c> user (else <c>nobody</c>).
/// </para>
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "mailcatcher";

    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartSharedAsync);

    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    private PostgresCluster(string bin, string folder, string? runAs, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static Task<PostgresCluster> SharedAsync() => SharedCluster.Value;

    /// <summary>A connection string for the maintenance database, as the superuser (trust authentication on loopback).</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username={Superuser};Database=postgres;Pooling=false;Timeout=30";

    /// <summary>Creates an empty database and returns its <c>postgres://</c> URL, as a user gives it to <c>--db</c>.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "mc_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The name is a fresh GUID, not input.
        command.CommandText = $"CREATE DATABASE {name}";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
        return UrlOf(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (its connections are cut), so hundreds of test hosts do not fill the disk.</summary>
    public async Task DropDatabaseAsync(string url)
    {
        var name = new Uri(url).AbsolutePath.TrimStart('/');
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The name is one this class made from a GUID.
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The <c>postgres://</c> URL of one database in this cluster.</summary>
    public string UrlOf(string database) => string.Create(CultureInfo.InvariantCulture, $"postgres://{Superuser}@127.0.0.1:{Port}/{database}");

    /// <summary>Stops the server (fast shutdown: open connections are cut), for outage tests.</summary>
    public Task StopAsync() => RunAsync(PgCtl, ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => RunAsync(PgCtl, ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", ServerOptions, "start"]);

    private string DataFolder => Path.Combine(_folder, "data");

    private string PgCtl => Path.Combine(_bin, "pg_ctl");

    // -F: no fsync; a test cluster's durability is not under test, its speed on a shared CI machine is.
    private string ServerOptions => string.Create(CultureInfo.InvariantCulture, $"-h 127.0.0.1 -p {Port} -k {_folder} -F -c max_connections=300");

    /// <summary>A cluster of the caller's own, for a test that stops the server (the shared one must stay up for the others).</summary>
    public static Task<PostgresCluster> StartPrivateAsync() => StartSharedAsync();

    /// <summary>Stops a private cluster and deletes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        StopAndDelete();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL tests need a PostgreSQL server: no initdb under /usr/lib/postgresql/*/bin or on PATH. Install it (apt-get install postgresql) or set MAILCATCHER_PG_BIN.");
        var folder = Directory.CreateTempSubdirectory("mailcatcher-pg-").FullName;
        var runAs = IsRoot() ? UnprivilegedUser() : null;
        var cluster = new PostgresCluster(bin, folder, runAs, FreePort());
        if (runAs is not null)
        {
            await RunPlainAsync("chown", ["-R", runAs, folder]);
        }
        await cluster.RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster.DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndDelete();
        return cluster;
    }

    private int _deleted;

    private void StopAndDelete()
    {
        if (Interlocked.Exchange(ref _deleted, 1) == 0)
        {
            StopAndDeleteOnce();
        }
    }

    private void StopAndDeleteOnce()
    {
        try
        {
            RunAsync(PgCtl, ["-D", DataFolder, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (an outage test that failed half-way); the folder still goes.
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned eventually.
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MAILCATCHER_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
        return versions.Concat(onPath).FirstOrDefault();
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static string UnprivilegedUser() =>
        File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string file, IReadOnlyList<string> arguments) =>
        _runAs is null ? RunPlainAsync(file, arguments) : RunPlainAsync("runuser", ["-u", _runAs, "--", file, .. arguments]);

    private static async Task RunPlainAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL test cluster: {Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
