using System.ComponentModel;
using MailCatcher.Core.Mime;
using MailCatcher.Core.Search;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>The messages resource of the REST API (design.md, "REST API contract (v1)").</summary>
internal static partial class MessagesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    public const int MaxTags = 50;
    public const int MaxTagLength = 64;

    private const string SearchHelp = "A search in MailCatcher's language: free words and \"quoted phrases\" (subject, addresses, body), "
        + "from:, to: (To, Cc and envelope), subject:, has:attachment, is:read, is:unread, tag:, before:YYYY-MM-DD, after:YYYY-MM-DD; "
        + "terms are ANDed, a leading - negates one, a field value can be quoted (subject:\"two words\"). Words match from their start, case-insensitively.";

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/messages").WithTags("Messages");
        group.MapMessageEndpoints("");
        return group;
    }

    /// <summary>
    /// The message endpoints on a group: <c>/api/v1/messages</c> (every inbox) and
    /// <c>/api/v1/inboxes/{inbox}/messages</c> (one inbox, issue 13) share these handlers, which
    /// read the inbox from their <see cref="InboxScope"/>. <paramref name="names"/> prefixes the
    /// endpoint names, which must be unique in the OpenAPI document.
    /// </summary>
    public static void MapMessageEndpoints(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/", ListAsync).WithName(names + "ListMessages")
            .WithSummary("Lists messages, newest first, optionally those matching a search.")
            .WithDescription("Returns `{ total, unread, offset, messages }`: `total` counts the matches (every message without `q`), `unread` the unread messages in the whole store.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/", DeleteMatchingAsync).WithName(names + "DeleteMessages")
            .WithSummary("Deletes every message, or every message matching a search.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync).WithName(names + "GetMessage")
            .WithSummary("Gets one message in full: headers, text and HTML bodies, attachments, session facts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/raw", GetRawAsync).WithName(names + "GetRawMessage")
            .WithSummary("The message's exact bytes as received (message/rfc822).")
            .Produces(StatusCodes.Status200OK, contentType: "message/rfc822")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:long}", PatchAsync).WithName(names + "UpdateMessage")
            .WithSummary("Marks a message read or unread and/or replaces its tags.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:long}", DeleteAsync).WithName(names + "DeleteMessage")
            .WithSummary("Deletes one message.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapInsights(names);
        group.MapWait(names);
        group.MapMessageBodies(names);
        group.MapRelease(names);
    }

    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> ListAsync(
        MailQueries queries,
        InboxScope scope,
        CancellationToken cancellationToken,
        [Description(SearchHelp)] string? q = null,
        [Description("How many of the newest matches to skip.")] int offset = 0,
        [Description("Page size, 1 to 1000.")] int limit = DefaultPageSize)
    {
        if (ApiProblems.CheckPaging(offset, limit, MaxPageSize) is { } problem)
        {
            return problem;
        }
        if (!TryParseQuery(q, out var query, out var queryProblem))
        {
            return queryProblem;
        }
        return TypedResults.Ok(await queries.SearchMessagesAsync(new MessageFilter(query, InboxId: scope.Id), offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<DeleteResult>, ProblemHttpResult>> DeleteMatchingAsync(
        MailEditor editor, InboxScope scope, CancellationToken cancellationToken, [Description("Delete only the messages matching this search; without it, every message is deleted. " + SearchHelp)] string? q = null)
    {
        if (!TryParseQuery(q, out var query, out var problem))
        {
            return problem;
        }
        var deleted = await editor.DeleteAsync(new MessageFilter(query, InboxId: scope.Id), cancellationToken);
        return TypedResults.Ok(new DeleteResult(deleted.Count, deleted));
    }

    private static async Task<Results<Ok<MessageDetail>, ProblemHttpResult>> GetAsync([Description("The message id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        var row = await queries.GetMessageAsync(id, scope.Id, cancellationToken);
        await using var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (row is null || raw is null)
        {
            return NoSuchMessage(id);
        }
        using var view = await Task.Run(() => MessageView.Load(raw), cancellationToken);
        return TypedResults.Ok(ToDetail(queries.Map(row), row, view));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetRawAsync(
        [Description("The message id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken, [Description("true: send as a `.eml` attachment download.")] bool download = false)
    {
        var raw = await queries.OpenRawAsync(id, scope.Id, cancellationToken);
        if (raw is null)
        {
            return NoSuchMessage(id);
        }
        return TypedResults.Stream(raw, "message/rfc822", download ? $"message-{id}.eml" : null);
    }

    private static async Task<Results<Ok<Core.Messages.MessageSummary>, ProblemHttpResult>> PatchAsync(
        [Description("The message id.")] long id, MessagePatch patch, MailEditor editor, InboxScope scope, CancellationToken cancellationToken)
    {
        if (patch is null || (patch.IsRead is null && patch.Tags is null))
        {
            return ApiProblems.BadRequest("Nothing to change: send { \"isRead\": true|false } and/or { \"tags\": [\"...\"] }.");
        }
        IReadOnlyList<string>? tags = null;
        if (patch.Tags is not null)
        {
            if (CheckTags(patch.Tags, out var cleaned) is { } tagProblem)
            {
                return tagProblem;
            }
            tags = cleaned;
        }
        var updated = await editor.UpdateAsync(id, patch.IsRead, tags, cancellationToken, scope.Id);
        return updated is null ? NoSuchMessage(id) : TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync([Description("The message id.")] long id, MailEditor editor, InboxScope scope, CancellationToken cancellationToken)
        => await editor.DeleteAsync(id, cancellationToken, scope.Id) ? TypedResults.NoContent() : NoSuchMessage(id);

    internal static ProblemHttpResult NoSuchMessage(long id) => ApiProblems.NotFound($"There is no message {id}.");

    /// <summary>Parses <c>q</c>; a malformed query becomes a 400 saying what is wrong.</summary>
    internal static bool TryParseQuery(string? q, out SearchQuery query, out ProblemHttpResult problem)
    {
        try
        {
            query = SearchQueryParser.Parse(q);
            problem = null!;
            return true;
        }
        catch (SearchQueryException e)
        {
            query = SearchQuery.Empty;
            problem = ApiProblems.BadRequest($"The search (q) is malformed: {e.Message}");
            return false;
        }
    }

    private static ProblemHttpResult? CheckTags(IReadOnlyList<string> tags, out List<string> cleaned)
    {
        cleaned = [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in tags)
        {
            var tag = raw?.Trim() ?? "";
            if (tag.Length == 0 || tag.Length > MaxTagLength)
            {
                return ApiProblems.BadRequest($"Each tag must be 1 to {MaxTagLength} characters long; \"{raw}\" is not.");
            }
            if (tag.Any(char.IsControl))
            {
                return ApiProblems.BadRequest("A tag must not contain control characters.");
            }
            if (seen.Add(tag))
            {
                cleaned.Add(tag);
            }
        }
        return cleaned.Count > MaxTags ? ApiProblems.BadRequest($"A message can have at most {MaxTags} tags; {cleaned.Count} were given.") : null;
    }

    private static MessageDetail ToDetail(Core.Messages.MessageSummary summary, StoredMessage row, MessageView view)
    {
        return new MessageDetail
        {
            Id = summary.Id,
            ReceivedAt = summary.ReceivedAt,
            SessionId = summary.SessionId,
            From = summary.From,
            To = summary.To,
            Cc = summary.Cc,
            EnvelopeFrom = summary.EnvelopeFrom,
            EnvelopeTo = summary.EnvelopeTo,
            Subject = summary.Subject,
            Size = summary.Size,
            Snippet = summary.Snippet,
            AttachmentCount = summary.AttachmentCount,
            IsRead = summary.IsRead,
            Tags = summary.Tags,
            Inbox = summary.Inbox,
            MessageId = row.MessageIdHeader,
            Date = row.Date,
            Headers = view.Headers,
            Text = view.TextBody,
            Html = view.HtmlBody,
            Attachments = view.Parts,
            AuthenticatedUser = row.AuthenticatedUser,
            Tls = row.Tls,
            ClientAddress = row.ClientAddress,
            HeloName = row.HeloName,
            ParseError = row.ParseError ?? view.ParseError,
        };
    }
}
