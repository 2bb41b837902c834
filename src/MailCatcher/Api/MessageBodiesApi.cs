using System.Text.RegularExpressions;
using MailCatcher.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using MimeKit;

namespace MailCatcher.Api;

/// <summary>
/// The bodies and parts of a message (design.md: <c>/html</c>, <c>/text</c>, <c>/parts/{partId}</c>).
/// Captured mail is hostile: the HTML is served under a CSP that forbids every script and every
/// remote load, and parts are served as downloads that the browser may not sniff.
/// </summary>
internal static partial class MessageBodiesApi
{
    /// <summary>On the messages group of <see cref="MessagesApi.MapMessageEndpoints"/>, every inbox or one.</summary>
    public static void MapMessageBodies(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/{id:long}/html", GetHtmlAsync).WithName(names + "GetMessageHtml")
            .WithSummary("The HTML body, cid: references pointing at the message's parts, under a locking Content-Security-Policy.");
        group.MapGet("/{id:long}/text", GetTextAsync).WithName(names + "GetMessageText")
            .WithSummary("The text body, or a text rendering of the HTML body when there is none.");
        group.MapGet("/{id:long}/parts/{partId}", GetPartAsync).WithName(names + "GetMessagePart")
            .WithSummary("One MIME part (attachment or inline), as a download.");
    }

    /// <summary>The header that says how many remote images the preview held back.</summary>
    public const string BlockedRemoteImagesHeader = "X-Blocked-Remote-Images";

    /// <summary>The policy for a previewed HTML body; <paramref name="allowRemote"/> opens img-src and nothing else.</summary>
    public static string ContentSecurityPolicy(string origin, bool allowRemote) =>
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
        + "style-src 'unsafe-inline'; "
        + $"img-src 'self' {origin} data:{(allowRemote ? " http: https:" : "")}; font-src 'self' {origin} data:; media-src 'self' {origin}";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetHtmlAsync(
        long id, HttpContext http, MessageLoader loader, InboxScope scope, CancellationToken cancellationToken, bool allowRemote = false)
    {
        var message = await loader.LoadAsync(id, cancellationToken, scope.Id);
        if (message is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }
        var preview = message.HtmlPreview(allowRemote, http.Request.PathBase.Value ?? "");
        if (preview is null)
        {
            return ApiProblems.NotFound($"Message {id} has no HTML body.");
        }
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy($"{http.Request.Scheme}://{http.Request.Host}", allowRemote);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers[BlockedRemoteImagesHeader] = preview.BlockedRemoteImages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Content(preview.Html, "text/html; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetTextAsync(long id, HttpContext http, MessageLoader loader, InboxScope scope, CancellationToken cancellationToken)
    {
        var message = await loader.LoadAsync(id, cancellationToken, scope.Id);
        if (message is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }
        if (message.Text is not { } text)
        {
            return ApiProblems.NotFound($"Message {id} has neither a text nor an HTML body.");
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(text, "text/plain; charset=utf-8");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetPartAsync(
        long id, string partId, HttpContext http, MessageLoader loader, InboxScope scope, CancellationToken cancellationToken)
    {
        if (!PartIdPattern().IsMatch(partId))
        {
            return ApiProblems.BadRequest($"A part id is a dotted section number such as 2 or 1.3; '{partId}' is not.");
        }
        var message = await loader.LoadAsync(id, cancellationToken, scope.Id);
        if (message is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }
        var entity = message.View.FindPart(partId);
        if (entity is null or Multipart)
        {
            return ApiProblems.NotFound($"Message {id} has no part {partId}.");
        }
        var content = new MemoryStream();
        switch (entity)
        {
            case MimePart { Content: not null } part:
                await part.Content.DecodeToAsync(content, cancellationToken);
                break;
            case MessagePart { Message: not null } attached:
                await attached.Message.WriteToAsync(content, cancellationToken);
                break;
        }
        content.Position = 0;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
        var fileName = FileNameOf(entity, partId);
        return TypedResults.Stream(content, ContentTypeOf(entity), fileName);
    }

    private static string ContentTypeOf(MimeEntity entity)
    {
        var type = entity.ContentType.MimeType;
        return entity.ContentType.Charset is { Length: > 0 } charset && MediaTypeHeaderValue.TryParse($"{type}; charset={charset}", out var parsed)
            ? parsed.ToString()
            : MediaTypeHeaderValue.TryParse(type, out var plain) ? plain.ToString() : "application/octet-stream";
    }

    private static string FileNameOf(MimeEntity entity, string partId)
    {
        var name = (entity as MimePart)?.FileName ?? entity.ContentDisposition?.FileName ?? entity.ContentType.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = entity is MessagePart ? $"part-{partId}.eml" : $"part-{partId}";
        }
        return Path.GetFileName(name.Replace('\\', '/'));
    }

    [GeneratedRegex(@"^[0-9]{1,5}(\.[0-9]{1,5}){0,31}$")]
    private static partial Regex PartIdPattern();
}
