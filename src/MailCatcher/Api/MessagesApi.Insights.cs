using System.ComponentModel;
using MailCatcher.Core.Mime;
using MailCatcher.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>What tests look for inside a message: its headers, its links, its one-time codes.</summary>
internal static partial class MessagesApi
{
    private static void MapInsights(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/{id:long}/headers", GetHeadersAsync).WithName(names + "GetMessageHeaders")
            .WithSummary("The message's header fields in order, decoded (RFC 2047 words, folding removed).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/links", GetLinksAsync).WithName(names + "GetMessageLinks")
            .WithSummary("Every link in the HTML and text bodies with its text, HTML links first, each URL once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/codes", GetCodesAsync).WithName(names + "GetMessageCodes")
            .WithSummary("The one-time codes the message most likely carries, best first, each with the words around it.")
            .WithDescription("Digits (4-8, or 123-456) and short capital-and-digit tokens near words such as code, OTP, verification or PIN. Empty when nothing looks like a code.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<HeaderField>>, ProblemHttpResult>> GetHeadersAsync(
        [Description("The message id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        using var view = await LoadViewAsync(id, queries, scope, cancellationToken);
        return view is null ? NoSuchMessage(id) : TypedResults.Ok(view.Headers);
    }

    private static async Task<Results<Ok<IReadOnlyList<MessageLink>>, ProblemHttpResult>> GetLinksAsync(
        [Description("The message id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        using var view = await LoadViewAsync(id, queries, scope, cancellationToken);
        return view is null ? NoSuchMessage(id) : TypedResults.Ok(LinkExtractor.Extract(view.HtmlBody, view.TextBody));
    }

    private static async Task<Results<Ok<IReadOnlyList<OneTimeCode>>, ProblemHttpResult>> GetCodesAsync(
        [Description("The message id.")] long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        using var view = await LoadViewAsync(id, queries, scope, cancellationToken);
        return view is null ? NoSuchMessage(id) : TypedResults.Ok(CodeExtractor.Extract(view.Message?.Subject, view.TextBody, view.HtmlBody));
    }

    /// <summary>Parses the stored bytes off the request thread; null when there is no such message.</summary>
    private static async Task<MessageView?> LoadViewAsync(long id, MailQueries queries, InboxScope scope, CancellationToken cancellationToken)
    {
        await using var raw = await queries.OpenRawAsync(id, scope.Id, cancellationToken);
        if (raw is null)
        {
            return null;
        }
        return await Task.Run(() => MessageView.Load(raw), cancellationToken);
    }
}
