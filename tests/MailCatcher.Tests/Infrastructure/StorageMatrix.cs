using System.Collections.Concurrent;
using MailCatcher.Tests.Shared;
using Xunit.v3;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>
/// Issue 14: runs a test class's tests on PostgreSQL as well as SQLite. A class listed in
/// Storage/OnPostgres.cs derives from a SQLite test class and implements <see cref="IRunsOnPostgres"/>;
/// every <see cref="TestHost"/> its tests (or its class fixture) start then gets a fresh database
/// of the test cluster instead of a SQLite file. The database stands for the file path the test
/// sees, so a restart test that starts a second host on <see cref="TestHost.DatabasePath"/>
/// finds the first host's mail.
/// </summary>
public static class StorageMatrix
{
    private static readonly ConcurrentDictionary<string, Task<string>> Databases = new(StringComparer.Ordinal);

    /// <summary>True while a test (or class fixture) of a class marked <see cref="IRunsOnPostgres"/> runs.</summary>
    public static bool CurrentTestRunsOnPostgres =>
        TestContext.Current.TestClass is IXunitTestClass { Class: var type } && typeof(IRunsOnPostgres).IsAssignableFrom(type);

    /// <summary>The PostgreSQL database standing for <paramref name="databasePath"/>, made on first use; null when the test runs on SQLite.</summary>
    public static async Task<string?> PostgresUrlForAsync(string databasePath, bool force = false)
    {
        if (!force && !CurrentTestRunsOnPostgres)
        {
            return null;
        }
        return await Databases.GetOrAdd(databasePath, static async _ => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync());
    }

    /// <summary>Drops the database standing for <paramref name="databasePath"/>.</summary>
    public static async Task DropAsync(string databasePath)
    {
        if (Databases.TryRemove(databasePath, out var url))
        {
            await (await PostgresCluster.SharedAsync()).DropDatabaseAsync(await url);
        }
    }
}
