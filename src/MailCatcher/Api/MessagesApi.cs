using MailCatcher.Core.Mime;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>The messages resource of the REST API (design.md, "REST API contract (v1)").</summary>
internal static class MessagesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/messages").WithTags("Messages");
        group.MapGet("/", ListAsync).WithName("ListMessages").WithSummary("Lists messages, newest first.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetMessage").WithSummary("Gets one message in full.");
        group.MapGet("/{id:long}/raw", GetRawAsync).WithName("GetRawMessage").WithSummary("The message's exact bytes as received.");
        return group;
    }

    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> ListAsync(
        MailQueries queries, CancellationToken cancellationToken, string? q = null, int offset = 0, int limit = DefaultPageSize)
    {
        if (ApiProblems.CheckPaging(offset, limit, MaxPageSize) is { } problem)
        {
            return problem;
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest("Search (q) is not available in this version yet.");
        }
        return TypedResults.Ok(await queries.ListMessagesAsync(offset, limit, cancellationToken));
    }

    private static async Task<Results<Ok<MessageDetail>, ProblemHttpResult>> GetAsync(long id, MailQueries queries, CancellationToken cancellationToken)
    {
        var row = await queries.GetMessageAsync(id, cancellationToken);
        await using var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (row is null || raw is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }
        var view = await Task.Run(() => MessageView.Load(raw), cancellationToken);
        return TypedResults.Ok(ToDetail(row, view));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetRawAsync(
        long id, MailQueries queries, CancellationToken cancellationToken, bool download = false)
    {
        var raw = await queries.OpenRawAsync(id, cancellationToken);
        if (raw is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }
        return TypedResults.Stream(raw, "message/rfc822", download ? $"message-{id}.eml" : null);
    }

    private static MessageDetail ToDetail(StoredMessage row, MessageView view)
    {
        var summary = MessageMapper.ToSummary(row);
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
