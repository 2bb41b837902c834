using MailCatcher.Core.Outbox;
using MailCatcher.Relay.Queue;
using MailCatcher.Storage.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>The relay queue: entries, their attempts and transcripts, retry and delete (design.md, "Outbox entry").</summary>
internal static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/outbox").WithTags("Outbox");
        group.MapGet("/", ListAsync).WithName("ListOutbox").WithSummary("Lists outbox entries, newest first; attempts without transcripts.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetOutboxEntry").WithSummary("Gets one entry with every attempt and its SMTP transcript.");
        group.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryOutboxEntry").WithSummary("Queues a deferred or failed entry again now.");
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteOutboxEntry").WithSummary("Deletes an entry; it will not be sent.");
        return group;
    }

    private static async Task<Results<Ok<OutboxPage>, ProblemHttpResult>> ListAsync(
        OutboxStore store, CancellationToken cancellationToken, int offset = 0, int limit = MessagesApi.DefaultPageSize)
    {
        if (ApiProblems.CheckPaging(offset, limit, MessagesApi.MaxPageSize) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(await store.ListAsync(offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<OutboxEntry>, ProblemHttpResult>> GetAsync(long id, OutboxStore store, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(id, cancellationToken);
        return entry is null ? ApiProblems.NotFound($"There is no outbox entry {id}.") : TypedResults.Ok(entry);
    }

    private static async Task<Results<Accepted<OutboxEntry>, ProblemHttpResult>> RetryAsync(long id, RelayOutbox outbox, CancellationToken cancellationToken)
    {
        var result = await outbox.RetryAsync(id, cancellationToken);
        if (result.Entry is null)
        {
            return ApiProblems.NotFound($"There is no outbox entry {id}.");
        }
        if (!result.Requeued)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot retry",
                detail: $"Outbox entry {id} is {result.Entry.State.ToString().ToLowerInvariant()}; only deferred or failed entries can be retried.");
        }
        return TypedResults.Accepted($"/api/v1/outbox/{id}", result.Entry);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, OutboxStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound($"There is no outbox entry {id}.");
}
