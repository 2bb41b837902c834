using System.ComponentModel;
using System.Security.Cryptography;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Options;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MailCatcher.Api;

/// <summary>
/// Isolated inboxes (issue 13): <c>/api/v1/inboxes</c> lists and creates them, and
/// <c>/api/v1/inboxes/{inbox}/messages/...</c> and <c>.../sessions/...</c> mirror the unscoped
/// paths for one inbox, with the same handlers (<see cref="InboxScope"/>) behind one
/// <see cref="InboxAccessFilter"/>.
/// </summary>
internal static class InboxesApi
{
    /// <summary>The longest time-to-live a request may ask for: 30 days.</summary>
    public const double MaxTtlSeconds = 30 * 24 * 3600;

    public static RouteGroupBuilder MapInboxesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/inboxes").WithTags("Inboxes");
        group.MapGet("/", ListAsync).WithName("ListInboxes")
            .WithSummary("Lists the inboxes with their message and unread counts, `default` first.");
        group.MapPost("/", CreateAsync).WithName("CreateInbox")
            .WithSummary("Creates an inbox: answers its SMTP user and password and its API token, shown this once.")
            .WithDescription("Mail sent with the SMTP credentials (AUTH PLAIN or LOGIN) lands in this inbox only; POP3 and IMAP accept them too. "
                + "The inbox's paths need `Authorization: Bearer <apiToken>`. With `ttlSeconds` the inbox and its mail are deleted when it passes.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var inbox = group.MapGroup("/{inbox}").AddEndpointFilter<InboxAccessFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        inbox.MapGet("/", GetAsync).WithName("GetInbox").WithSummary("One inbox with its counts.");
        inbox.MapDelete("/", DeleteAsync).WithName("DeleteInbox").WithSummary("Deletes the inbox and all its mail and sessions (`default` cannot be deleted).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        inbox.MapGroup("/messages").WithTags("Inboxes").MapMessageEndpoints("Inbox");
        inbox.MapGroup("/sessions").WithTags("Inboxes").MapSessionEndpoints("Inbox");
        return group;
    }

    private static async Task<Ok<InboxList>> ListAsync(InboxDirectory inboxes, MailQueries queries, CancellationToken cancellationToken)
    {
        var counts = await queries.CountByInboxAsync(cancellationToken);
        return TypedResults.Ok(new InboxList([.. inboxes.All.Select(i => Summarize(i, counts))]));
    }

    private static async Task<Results<Created<CreatedInboxResponse>, ProblemHttpResult>> CreateAsync(
        InboxDirectory inboxes, IOptions<InboxOptions> options, CancellationToken cancellationToken, CreateInboxRequest? request = null)
    {
        var name = request?.Name is { } asked ? InboxNames.Normalize(asked) : "inbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        if (!InboxNames.IsValid(name))
        {
            return ApiProblems.BadRequest($"\"{request?.Name}\" is not a valid inbox name: 1 to {InboxNames.MaxLength} lower-case letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }
        TimeSpan? ttl = options.Value.DefaultTimeToLive;
        if (request?.TtlSeconds is { } seconds)
        {
            if (!(seconds > 0 && seconds <= MaxTtlSeconds))
            {
                return ApiProblems.BadRequest($"ttlSeconds must be more than 0 and at most {MaxTtlSeconds} (30 days); it was {seconds}.");
            }
            ttl = TimeSpan.FromSeconds(seconds);
        }
        var maxMessages = request?.MaxMessages ?? 0;
        if (maxMessages < 0)
        {
            return ApiProblems.BadRequest($"maxMessages must be 0 (no limit of its own) or more; it was {maxMessages}.");
        }
        var created = await inboxes.CreateAsync(name, ttl, maxMessages, withSecrets: true, cancellationToken);
        if (created is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Inbox exists", detail: $"There is already an inbox \"{name}\".");
        }
        var info = created.Inbox;
        return TypedResults.Created(
            $"/api/v1/inboxes/{info.Name}",
            new CreatedInboxResponse(info.Name, info.Name, created.SmtpPassword!, created.ApiToken!, info.CreatedAt, info.ExpiresAt, info.MaxMessages));
    }

    private static async Task<Ok<InboxSummary>> GetAsync(InboxScope scope, MailQueries queries, CancellationToken cancellationToken)
    {
        var counts = await queries.CountByInboxAsync(cancellationToken);
        return TypedResults.Ok(Summarize(scope.Inbox!, counts));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [Description("The inbox's name.")] string inbox, InboxScope scope, InboxDirectory inboxes, CancellationToken cancellationToken)
    {
        if (scope.Inbox!.Name == InboxNames.Default)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot delete", detail: "The default inbox always exists; delete its messages instead.");
        }
        return await inboxes.DeleteAsync(scope.Inbox, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound($"There is no inbox \"{inbox}\".");
    }

    private static InboxSummary Summarize(InboxInfo inbox, IReadOnlyDictionary<long, (int Total, int Unread)> counts)
    {
        var (total, unread) = counts.GetValueOrDefault(inbox.Id);
        return new InboxSummary(inbox.Name, total, unread, inbox.CreatedAt, inbox.ExpiresAt, inbox.MaxMessages, inbox.RequiresToken);
    }
}
