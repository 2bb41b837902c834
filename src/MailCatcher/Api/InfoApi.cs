using System.Reflection;
using MailCatcher.Hosting;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Api;

/// <summary><c>GET /api/v1/info</c>: version, counts, bound ports, database; and <c>/healthz</c>.</summary>
internal static class InfoApi
{
    public sealed record DatabaseInfo(string Path, long SizeBytes);

    public sealed record PortsInfo(int? Smtp, int? Smtps, int? Http, int? Pop3, int? Imap);

    public sealed record Info(string Version, int Messages, int Unread, int Sessions, DateTime StartedAt, long UptimeSeconds, DatabaseInfo Database, PortsInfo Ports);

    public sealed record Health(string Status);

    public static void MapInfoApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/info", GetInfoAsync).WithTags("Info").WithName("GetInfo").WithSummary("Version, counts, bound ports, database path and size, uptime.");
        routes.MapGet("/healthz", GetHealthAsync).WithTags("Info").WithName("Health").WithSummary("Liveness and readiness: 200 when the database answers.");
    }

    public static string Version =>
        typeof(InfoApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static async Task<Info> GetInfoAsync(MailQueries queries, DatabaseLocation database, BoundPorts ports, StartTime started, TimeProvider clock, CancellationToken cancellationToken)
    {
        var counts = await queries.CountAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Info(
            Version,
            counts.Messages,
            counts.Unread,
            counts.Sessions,
            started.At,
            (long)(now - started.At).TotalSeconds,
            new DatabaseInfo(database.Path, database.SizeBytes),
            new PortsInfo(ports.PortOf(BoundPorts.Smtp), ports.PortOf("smtps"), ports.PortOf(BoundPorts.Http), ports.PortOf("pop3"), ports.PortOf("imap")));
    }

    private static async Task<IResult> GetHealthAsync(MailQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            await queries.CountAsync(cancellationToken);
            return TypedResults.Ok(new Health("ok"));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException || e.InnerException is System.Data.Common.DbException)
        {
            // Issue 14: a PostgreSQL server that went away (NpgsqlException is a DbException) is reported the same way.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable", detail: e.Message);
        }
    }
}
