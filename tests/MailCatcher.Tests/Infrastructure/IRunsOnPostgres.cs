namespace MailCatcher.Tests.Infrastructure;

/// <summary>Issue 14: marks a test class whose hosts run on PostgreSQL (see <see cref="StorageMatrix"/>).</summary>
#pragma warning disable CA1040 // A marker: the test runner reads it from the class, there is nothing to call.
public interface IRunsOnPostgres;
#pragma warning restore CA1040
