using System.Globalization;
using System.Text.Json;
using MailCatcher.Core.Mime;
using MailCatcher.Core.Search;
using MailCatcher.Storage.Queries;
using MailCatcher.Storage.Writing;

namespace MailCatcher.Api.Mailpit;

/// <summary>
/// Mailpit's REST API shape under <c>/mailpit</c>, so clients written for Mailpit (the
/// <c>mailpit-api</c> npm package, <c>cypress-mailpit</c>) work by changing their base URL to
/// <c>http://host:1080/mailpit</c>. Mapped onto MailCatcher's store and search language; ids are
/// MailCatcher's message ids as strings; <c>latest</c> is the newest message.
/// </summary>
internal static class MailpitApi
{
    public const string Prefix = "/mailpit";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static RouteGroupBuilder MapMailpitApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).WithTags("Mailpit compatibility");
        group.MapGet("/api/v1/messages", (MailQueries queries, CancellationToken ct, int start = 0, int limit = 50) => ListAsync(queries, SearchQuery.Empty, start, limit, ct))
            .WithSummary("Mailpit: list messages, newest first.");
        group.MapGet("/api/v1/search", (MailQueries queries, CancellationToken ct, string? query = null, int start = 0, int limit = 50) =>
            WithQuery(query, q => ListAsync(queries, q, start, limit, ct)))
            .WithSummary("Mailpit: search messages (Mailpit's syntax, translated to MailCatcher's).");
        group.MapDelete("/api/v1/search", (MailEditor editor, CancellationToken ct, string? query = null) =>
            WithQuery(query, async q =>
            {
                await editor.DeleteAsync(new MessageFilter(q), ct);
                return Ok();
            }))
            .WithSummary("Mailpit: delete the messages matching a search.");
        group.MapDelete("/api/v1/messages", DeleteAsync).WithSummary("Mailpit: delete the messages in { IDs }, or every message.");
        group.MapGet("/api/v1/message/{id}", (string id, MailQueries queries, CancellationToken ct) => WithMessageAsync(id, queries, (row, view, resolved) =>
            Results.Json(MailpitMapper.ToMessage(row, view), Json), ct))
            .WithSummary("Mailpit: one message in full.");
        group.MapGet("/api/v1/message/{id}/headers", (string id, MailQueries queries, CancellationToken ct) => WithMessageAsync(id, queries, (row, view, resolved) =>
            Results.Json(view.Headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(h => h.Value).ToArray()), Json), ct))
            .WithSummary("Mailpit: the header fields by name.");
        group.MapGet("/api/v1/message/{id}/raw", RawAsync).WithSummary("Mailpit: the message's exact bytes.");
        group.MapGet("/view/{file}", ViewAsync).WithSummary("Mailpit: {id}.html or {id}.txt, the body as a page.");
        group.MapGet("/api/v1/tags", async (MailQueries queries, CancellationToken ct) => Results.Json(await queries.ListTagsAsync(ct), Json))
            .WithSummary("Mailpit: every tag in use.");
        group.MapPut("/api/v1/tags", SetTagsAsync).WithSummary("Mailpit: set the tags of the messages in { IDs } to { Tags }.");
        return group;
    }

    private static async Task<IResult> ListAsync(MailQueries queries, SearchQuery query, int start, int limit, CancellationToken ct)
    {
        if (ApiProblems.CheckPaging(start, limit, MessagesApi.MaxPageSize) is { } problem)
        {
            return problem;
        }
        var page = await queries.SearchMessagesAsync(new MessageFilter(query), start, limit, ct);
        var all = query.IsEmpty ? page : await queries.SearchMessagesAsync(MessageFilter.All, 0, 1, ct);
        var items = page.Messages.Select(MailpitMapper.ToListItem).ToList();
        return Results.Json(new MailpitList(all.Total, page.Unread, items.Count, page.Total, page.Messages.Count(m => !m.IsRead), start,
            await queries.ListTagsAsync(ct), items), Json);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, MailEditor editor, CancellationToken ct)
    {
        MailpitIdsRequest? request = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                request = await JsonSerializer.DeserializeAsync<MailpitIdsRequest>(http.Request.Body, Json, ct);
            }
            catch (JsonException e)
            {
                return ApiProblems.BadRequest($"The JSON body is malformed: {e.Message}");
            }
        }
        if (request?.IDs is not { Count: > 0 } ids)
        {
            await editor.DeleteAsync(MessageFilter.All, ct);
            return Ok();
        }
        if (!TryIds(ids, out var numbers, out var problem))
        {
            return problem;
        }
        await editor.DeleteAsync(new MessageFilter(SearchQuery.Empty, Ids: numbers), ct);
        return Ok();
    }

    private static async Task<IResult> SetTagsAsync(MailpitIdsRequest request, MailEditor editor, CancellationToken ct)
    {
        if (request?.IDs is null)
        {
            return ApiProblems.BadRequest("IDs is required.");
        }
        if (!TryIds(request.IDs, out var ids, out var problem))
        {
            return problem;
        }
        var tags = (request.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Any(t => t.Length > MessagesApi.MaxTagLength || t.Any(char.IsControl)) || tags.Count > MessagesApi.MaxTags)
        {
            return ApiProblems.BadRequest($"At most {MessagesApi.MaxTags} tags of 1 to {MessagesApi.MaxTagLength} characters, without control characters.");
        }
        foreach (var id in ids)
        {
            await editor.UpdateAsync(id, null, tags, ct);
        }
        return Ok();
    }

    private static async Task<IResult> RawAsync(string id, MailQueries queries, CancellationToken ct)
    {
        if (await ResolveAsync(id, queries, ct) is not { } number || await queries.OpenRawAsync(number, ct) is not { } raw)
        {
            return NotFound(id);
        }
        return Results.Stream(raw, "text/plain; charset=utf-8");
    }

    private static Task<IResult> ViewAsync(string file, MailQueries queries, CancellationToken ct)
    {
        var html = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        if (!html && !file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<IResult>(NotFound(file));
        }
        var id = file[..file.LastIndexOf('.')];
        return WithMessageAsync(id, queries, (row, view, resolved) =>
        {
            if (!html)
            {
                return Results.Text(view.TextBody ?? "", "text/plain; charset=utf-8");
            }
            // Captured HTML is hostile: served under a CSP with no scripts, in a sandbox (a unique origin).
            return new CspHtmlResult(view.HtmlBody ?? "");
        }, ct);
    }

    private static async Task<IResult> WithMessageAsync(string id, MailQueries queries, Func<Storage.Entities.StoredMessage, MessageView, long, IResult> answer, CancellationToken ct)
    {
        if (await ResolveAsync(id, queries, ct) is not { } number)
        {
            return NotFound(id);
        }
        var row = await queries.GetMessageAsync(number, ct);
        await using var raw = await queries.OpenRawAsync(number, ct);
        if (row is null || raw is null)
        {
            return NotFound(id);
        }
        using var view = await Task.Run(() => MessageView.Load(raw), ct);
        return answer(row, view, number);
    }

    /// <summary>A message id, or <c>latest</c> for the newest message; null when there is none.</summary>
    private static async Task<long?> ResolveAsync(string id, MailQueries queries, CancellationToken ct)
    {
        if (id == "latest")
        {
            var newest = await queries.SearchMessagesAsync(MessageFilter.All, 0, 1, ct);
            return newest.Messages.Count == 0 ? null : newest.Messages[0].Id;
        }
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static async Task<IResult> WithQuery(string? query, Func<SearchQuery, Task<IResult>> then)
    {
        SearchQuery translated;
        try
        {
            translated = MailpitQuery.Translate(query);
        }
        catch (SearchQueryException e)
        {
            return ApiProblems.BadRequest($"The search (query) is not supported or malformed: {e.Message}");
        }
        return await then(translated);
    }

    private static bool TryIds(IReadOnlyList<string> ids, out List<long> numbers, out IResult problem)
    {
        numbers = [];
        problem = null!;
        foreach (var id in ids)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problem = ApiProblems.BadRequest($"\"{id}\" is not a message id.");
                return false;
            }
            numbers.Add(number);
        }
        return true;
    }

    private static IResult Ok() => Results.Text("ok", "text/plain");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string id) => ApiProblems.NotFound($"There is no message {id}.");

    /// <summary>An HTML page with a locking CSP (no scripts, sandboxed, no remote loads).</summary>
    private sealed class CspHtmlResult(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; sandbox";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
