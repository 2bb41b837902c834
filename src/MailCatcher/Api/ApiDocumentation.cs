using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MailCatcher.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the browsable reference at <c>/api/docs</c>
/// (Scalar, its script served from this host, so it works offline). Contract field descriptions
/// live in one table here, so shared records in Core stay free of web attributes.
/// </summary>
internal static class ApiDocumentation
{
    public const string DocsPath = "/api/docs";

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = "The identifier: ascending, never reused.",
        ["receivedAt"] = "When MailCatcher stored it (UTC, ISO 8601).",
        ["sessionId"] = "The SMTP session that delivered it.",
        ["from"] = "The From header's first mailbox.",
        ["to"] = "The To header's mailboxes.",
        ["cc"] = "The Cc header's mailboxes.",
        ["envelopeFrom"] = "The SMTP MAIL FROM address (empty for a null reverse-path).",
        ["envelopeTo"] = "The SMTP RCPT TO addresses.",
        ["subject"] = "The decoded Subject header.",
        ["size"] = "Size in bytes (of the raw message; of a part, decoded).",
        ["snippet"] = "The first words of the body.",
        ["attachmentCount"] = "How many non-inline attachments it has.",
        ["isRead"] = "Whether someone marked it read.",
        ["tags"] = "Labels set through the API or the UI.",
        ["name"] = "Display name (may be empty) or header field name.",
        ["address"] = "The e-mail address.",
        ["value"] = "The decoded header value.",
        ["url"] = "Where the link points.",
        ["text"] = "A link's visible text; or the text body.",
        ["code"] = "The code as written in the message.",
        ["context"] = "The words around the code.",
        ["total"] = "How many items there are (matching the search, when there is one).",
        ["unread"] = "How many of them are unread.",
        ["offset"] = "How many items this page skipped.",
        ["messages"] = "Message summaries, newest first.",
        ["sessions"] = "SMTP sessions, newest first.",
        ["partId"] = "The part's IMAP-style section number (e.g. 2 or 1.3).",
        ["fileName"] = "The attachment's file name, when it has one.",
        ["contentType"] = "The MIME type.",
        ["contentId"] = "The Content-ID, for cid: references from HTML.",
        ["inline"] = "True when the part is shown inside the message rather than attached.",
        ["messageId"] = "The Message-ID header.",
        ["date"] = "The Date header (UTC).",
        ["headers"] = "Every header field, in order, decoded.",
        ["html"] = "The HTML body, as sent (render it only sandboxed).",
        ["attachments"] = "Every part that is not the text or HTML body.",
        ["authenticatedUser"] = "The SMTP AUTH user, when the client authenticated.",
        ["tls"] = "The TLS protocol and cipher, when the session was encrypted.",
        ["clientAddress"] = "The SMTP client's address and port.",
        ["heloName"] = "The name the client gave in HELO/EHLO.",
        ["parseError"] = "Why the message could not be parsed as MIME, when it could not.",
        ["startedAt"] = "When the session or the server started (UTC).",
        ["endedAt"] = "When the session ended (UTC); null while it is open.",
        ["messageIds"] = "Ids of the session's messages that are still stored.",
        ["error"] = "How the session failed, when it did.",
        ["transcript"] = "Every command, reply and note of the session, in order.",
        ["at"] = "When it happened (UTC).",
        ["direction"] = "in: from the client; out: MailCatcher's reply; info: a note.",
        ["version"] = "MailCatcher's version.",
        ["uptimeSeconds"] = "Seconds since the server started.",
        ["database"] = "Where the store is and how big it is.",
        ["path"] = "The database file.",
        ["sizeBytes"] = "Its size on disk, in bytes.",
        ["ports"] = "The ports really bound (null when a protocol is off).",
        ["smtp"] = "The SMTP port.",
        ["smtps"] = "The implicit-TLS SMTP port.",
        ["http"] = "The HTTP port (UI and API).",
        ["pop3"] = "The POP3 port.",
        ["imap"] = "The IMAP port.",
        ["type"] = "A URI naming the kind of problem.",
        ["title"] = "A short summary of the problem.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What is wrong, in words.",
        ["instance"] = "The request that had the problem.",
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["Info"] = "What the server is and what it holds.",
        ["DatabaseInfo"] = "The message store on disk.",
        ["PortsInfo"] = "The ports the server listens on.",
        ["EmailAddress"] = "A mailbox: display name and address.",
        ["HeaderField"] = "One header field, decoded.",
        ["MessageSummary"] = "A captured message as listed.",
        ["MessageDetail"] = "A captured message in full.",
        ["MessagePage"] = "One page of messages, newest first.",
        ["MessagePartInfo"] = "An attachment or inline part.",
        ["MessageLink"] = "A link found in a message body.",
        ["OneTimeCode"] = "A likely one-time code found in a message.",
        ["ProblemDetails"] = "An RFC 7807 error.",
        ["SessionSummary"] = "An SMTP session as listed.",
        ["SessionPage"] = "One page of SMTP sessions, newest first.",
        ["SessionWithTranscript"] = "An SMTP session with its transcript.",
        ["TranscriptLine"] = "One line of a session transcript.",
        ["Health"] = "Liveness: ok when the database answers.",
    };

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "MailCatcher API";
                document.Info.Version = "v1";
                document.Info.Description = "Captured mail, SMTP sessions, search and wait-for-message. JSON in camelCase, times in ISO 8601 UTC, errors as RFC 7807 problem details.";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (string.IsNullOrEmpty(schema.Description) && (ChecksDocumentation.TypeDescription(type) ?? Types.GetValueOrDefault(type.Name)) is { } typeDescription)
                {
                    schema.Description = typeDescription;
                }
                if (schema.Properties is { } properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if ((ChecksDocumentation.FieldDescription(type, name) ?? Fields.GetValueOrDefault(name)) is not { } description)
                        {
                            continue;
                        }
                        if (property is OpenApiSchema concrete && string.IsNullOrEmpty(concrete.Description))
                        {
                            concrete.Description = description;
                        }
                        else if (property is OpenApiSchemaReference reference && string.IsNullOrEmpty(reference.Description))
                        {
                            reference.Description = description;
                        }
                    }
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapApiDocumentation(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        routes.MapScalarApiReference(DocsPath, options => options
            .WithTitle("MailCatcher API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry());
    }
}
