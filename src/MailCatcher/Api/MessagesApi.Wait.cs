using System.ComponentModel;
using System.Globalization;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary><c>GET /api/v1/messages/wait</c>: the long-poll that lets CI stop polling.</summary>
internal static partial class MessagesApi
{
    public const double DefaultWaitSeconds = 30;
    public const double MaxWaitSeconds = 300;

    private static void MapWait(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/wait", WaitAsync).WithName(names + "WaitForMessages")
            .WithSummary("Waits until `count` messages matching `q` (received after `since`) exist, then returns them.")
            .WithDescription("Returns at once when they already exist, else as soon as they arrive (woken by the arrival, not by polling). "
                + "408 problem details when `timeout` passes first.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<WaitResult>, ProblemHttpResult>> WaitAsync(
        MessageWaiters waiters,
        IHostApplicationLifetime lifetime,
        InboxScope scope,
        CancellationToken cancellationToken,
        [Description(SearchHelp)] string? q = null,
        [Description("Seconds to wait, more than 0 and at most 300 (5 minutes); fractions allowed. Default 30.")] double? timeout = null,
        [Description("Only messages received strictly after this: an ISO 8601 time (UTC unless it has an offset) or a message id.")] string? since = null,
        [Description("How many matching messages to wait for, 1 to 1000. Default 1.")] int count = 1)
    {
        if (!TryParseQuery(q, out var query, out var problem))
        {
            return problem;
        }
        var seconds = timeout ?? DefaultWaitSeconds;
        if (!(seconds > 0 && seconds <= MaxWaitSeconds))
        {
            return ApiProblems.BadRequest($"timeout must be more than 0 and at most {MaxWaitSeconds} seconds; it was {timeout}.");
        }
        if (count < 1 || count > MaxPageSize)
        {
            return ApiProblems.BadRequest($"count must be between 1 and {MaxPageSize}; it was {count}.");
        }
        var filter = new MessageFilter(query, InboxId: scope.Id);
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            {
                filter = filter with { AfterId = afterId };
            }
            else if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var afterTime))
            {
                filter = filter with { ReceivedAfter = afterTime.UtcDateTime };
            }
            else
            {
                return ApiProblems.BadRequest($"since must be a message id or an ISO 8601 time such as 2026-11-28T14:05:00Z; \"{since}\" is neither.");
            }
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var messages = await waiters.WaitAsync(filter, count, TimeSpan.FromSeconds(seconds), linked.Token);
            if (messages is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status408RequestTimeout,
                    title: "Timed out",
                    detail: $"Fewer than {count} matching message(s) arrived within {seconds.ToString(CultureInfo.InvariantCulture)} s.");
            }
            return TypedResults.Ok(new WaitResult(messages));
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down", detail: "MailCatcher is stopping; no more messages will arrive.");
        }
    }
}
