using System.ComponentModel;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>The SMTP sessions resource: who connected, what was said, what was delivered.</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/sessions").WithTags("Sessions");
        group.MapSessionEndpoints("");
        return group;
    }

    /// <summary>The session endpoints, for every inbox or (under <c>/api/v1/inboxes/{inbox}/sessions</c>) one.</summary>
    public static void MapSessionEndpoints(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/", ListAsync).WithName(names + "ListSessions").WithSummary("Lists SMTP sessions, newest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync).WithName(names + "GetSession").WithSummary("Gets one session with its transcript.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<SessionPage>, ProblemHttpResult>> ListAsync(
        MailQueries queries,
        InboxScope scope,
        CancellationToken cancellationToken,
        [Description("How many of the newest sessions to skip.")] int offset = 0,
        [Description("Page size, 1 to 1000.")] int limit = MessagesApi.DefaultPageSize)
    {
        if (ApiProblems.CheckPaging(offset, limit, MessagesApi.MaxPageSize) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(await queries.ListSessionsAsync(scope.Id, offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<SessionWithTranscript>, ProblemHttpResult>> GetAsync([Description("The session id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        var detail = await queries.GetSessionAsync(id, scope.Id, cancellationToken);
        if (detail is null)
        {
            return ApiProblems.NotFound($"There is no session {id}.");
        }
        return TypedResults.Ok(SessionWithTranscript.From(detail));
    }
}
