using System.Text.Json;
using MailCatcher.Core.Content;
using MailCatcher.Core.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailCatcher.Api.Send;

/// <summary>
/// <c>POST /api/v1/send</c>: stores a message given as JSON or as a raw <c>message/rfc822</c> body,
/// exactly as if it had arrived over SMTP (same sink, its own session, events after commit).
/// </summary>
internal static class SendApi
{
    public const string Path = "/api/v1/send";

    private const string RawType = "message/rfc822";

    public static RouteHandlerBuilder MapSendApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, SendAsync)
            .WithTags("Messages")
            .WithName("SendMessage")
            .WithSummary("Stores a message as if it had arrived over SMTP: 201 with its id.")
            .WithDescription("Send JSON (`from`, `to`, `cc`, `bcc`, `subject`, `text`, `html`, `attachments` with base64 `content`, `headers`) "
                + "or a raw `message/rfc822` body. For a raw message the envelope comes from the `from` and `to` query parameters "
                + "(to repeatable), else from its From/Sender and To/Cc/Bcc header fields. Bcc recipients are in the envelope only. "
                + "The message gets a session of its own (protocol `api`) whose transcript names the HTTP caller.")
            // One Accepts for both: routing matches on it, so Kestrel answers any other type 415 itself.
            .Accepts<SendRequest>("application/json", RawType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Created<SendResult>, ProblemHttpResult>> SendAsync(
        HttpContext http, ApiMessageSubmitter submitter, IOptionsMonitor<SmtpOptions> smtp, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = smtp.CurrentValue;
        var maxSize = settings.MaxMessageSize;
        // Kestrel's own 30 MB request limit would cut a large message short: allow the configured
        // message size, plus base64's third and room for the JSON around it.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxSize <= 0 ? null : (maxSize * 4 / 3) + (1024 * 1024);
        }
        var mediaType = http.Request.ContentType is { } contentType && ContentType.TryParse(contentType, out var parsed) ? parsed.MimeType : null;
        try
        {
            SendResult result;
            if (string.Equals(mediaType, RawType, StringComparison.OrdinalIgnoreCase))
            {
                var content = await ReadRawAsync(http.Request.Body, maxSize, cancellationToken);
                if (content is null)
                {
                    return TooLarge(maxSize);
                }
                Core.Messages.Envelope envelope;
                string problem;
                bool ok;
                using (var raw = content.OpenRead())
                {
                    ok = RawMessageEnvelope.TryRead(raw, http.Request.Query["from"].FirstOrDefault(), [.. http.Request.Query["to"].OfType<string>()], out envelope, out problem);
                }
                if (!ok)
                {
                    content.Dispose();
                    return ApiProblems.BadRequest(problem);
                }
                result = await submitter.SubmitAsync(http, content, envelope, "raw message/rfc822", cancellationToken);
            }
            else if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                var request = await JsonSerializer.DeserializeAsync<SendRequest>(http.Request.Body, JsonSerializerOptions.Web, cancellationToken);
                if (request is null)
                {
                    return ApiProblems.BadRequest("The body is JSON null; send an object with from, to and the message's parts.");
                }
                if (!SendMessageBuilder.TryBuild(request, settings.HostName, clock.GetUtcNow(), out var message, out var envelope, out var problem))
                {
                    return ApiProblems.BadRequest(problem);
                }
                var content = new SpooledContent();
                using (message)
                {
                    var format = FormatOptions.Default.Clone();
                    format.NewLineFormat = NewLineFormat.Dos;
                    using var bytes = new MemoryStream();
                    await message.WriteToAsync(format, bytes, cancellationToken);
                    if (maxSize > 0 && bytes.Length > maxSize)
                    {
                        content.Dispose();
                        return TooLarge(maxSize);
                    }
                    content.Write(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
                }
                result = await submitter.SubmitAsync(http, content, envelope, "JSON", cancellationToken);
            }
            else
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: $"Send application/json or {RawType}; the request's Content-Type was \"{http.Request.ContentType}\".");
            }
            return TypedResults.Created($"/api/v1/messages/{result.Id}", result);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest($"The JSON body is malformed: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxSize);
        }
    }

    /// <summary>Reads the body into a spool, ending it in CRLF as SMTP's DATA would; null when it exceeds <paramref name="maxSize"/>.</summary>
    private static async Task<SpooledContent?> ReadRawAsync(Stream body, long maxSize, CancellationToken cancellationToken)
    {
        var content = new SpooledContent();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            byte last = 0, beforeLast = 0;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (maxSize > 0 && content.Length + read > maxSize)
                {
                    content.Dispose();
                    return null;
                }
                content.Write(buffer.AsSpan(0, read));
                beforeLast = read > 1 ? buffer[read - 2] : last;
                last = buffer[read - 1];
            }
            // RFC 5321 §4.1.1.4: the stored message ends with CRLF, as every SMTP message does.
            if (content.Length > 0 && (beforeLast, last) != ((byte)'\r', (byte)'\n'))
            {
                content.Write("\r\n"u8);
            }
            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ProblemHttpResult TooLarge(long maxSize) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message too large",
            detail: $"The message is larger than the largest one accepted ({maxSize} bytes, --max-message-size).");
}
