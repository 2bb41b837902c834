using MailCatcher.Core.Outbox;
using MailCatcher.Relay.Queue;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>Releasing a captured message to the real relay: <c>POST /api/v1/messages/{id}/release</c>.</summary>
internal static class ReleaseApi
{
    /// <summary>The optional body: recipients to send to instead of the envelope recipients.</summary>
    public sealed record ReleaseRequest(IReadOnlyList<string>? To);

    /// <summary>On the messages group of <see cref="MessagesApi.MapMessageEndpoints"/>, every inbox or one.</summary>
    public static RouteHandlerBuilder MapRelease(this RouteGroupBuilder group, string names) =>
        group.MapPost("/{id:long}/release", ReleaseAsync)
            .WithName(names + "ReleaseMessage")
            .WithSummary("Queues the message for the configured relay: 202 with the outbox entry.");

    private static async Task<Results<Accepted<OutboxEntry>, ProblemHttpResult>> ReleaseAsync(
        long id, RelayOutbox outbox, MailQueries queries, InboxScope scope, CancellationToken cancellationToken, ReleaseRequest? request = null)
    {
        if (!await queries.IsInInboxAsync(id, scope.Id, cancellationToken))
        {
            return MessagesApi.NoSuchMessage(id);
        }
        var result = await outbox.ReleaseAsync(id, request?.To, cancellationToken);
        return result.Status switch
        {
            ReleaseStatus.Queued => TypedResults.Accepted($"/api/v1/outbox/{result.Entry!.Id}", result.Entry),
            ReleaseStatus.MessageNotFound => ApiProblems.NotFound(result.Problem!),
            ReleaseStatus.RelayNotConfigured => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No relay configured", detail: result.Problem),
            ReleaseStatus.NotAllowed => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Recipient not allowed", detail: result.Problem),
            _ => ApiProblems.BadRequest(result.Problem!),
        };
    }
}
