using System.ComponentModel;
using MailCatcher.Checks;
using MailCatcher.Checks.Dkim;
using MailCatcher.Checks.Links;
using MailCatcher.Checks.Spam;
using MailCatcher.Mail.Checks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailCatcher.Api;

/// <summary>
/// Message checks (issue 15). <c>/checks</c> runs every offline check (HTML compatibility, sender
/// rules, DKIM with offline keys), cached per message; the checks that reach the network have their
/// own endpoints and run only when called: links, spam (spamd), DKIM with DNS keys.
/// </summary>
internal static class ChecksApi
{
    public static RouteGroupBuilder MapChecksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/messages/{id:long}/checks").WithTags("Checks");
        group.MapGet("", GetChecksAsync).WithName("GetMessageChecks")
            .WithSummary("Every offline check of the message: HTML compatibility (caniemail), sender rules, DKIM and ARC with offline keys.")
            .WithDescription("Cached per message. Status is the worst of the checks: pass, warn, fail, error (a check could not run) or skipped. A CI test can assert that status is not fail.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/links", GetLinksAsync).WithName("GetMessageLinkChecks")
            .WithSummary("Requests every link and image URL of the message (HEAD, then GET) and checks cid: images against its parts.")
            .WithDescription("Makes network requests, so it runs only when called. Bounded in count and time; private and loopback addresses are refused unless MailCatcher runs with --checks-allow-private-links.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/spam", GetSpamAsync).WithName("GetMessageSpamCheck")
            .WithSummary("Asks SpamAssassin's spamd (--spamassassin HOST:PORT) for the score, the threshold and the rules that fired.")
            .WithDescription("Status skipped when no spamd is configured, error when it cannot be reached.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/dkim", GetDkimAsync).WithName("GetMessageDkimCheck")
            .WithSummary("Verifies DKIM signatures and the ARC set with public keys from DNS (offline --dkim-key keys first).")
            .WithDescription("Makes DNS queries, so it runs only when called; /checks uses offline keys only and says \"no key\" otherwise.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<MessageChecks>, ProblemHttpResult>> GetChecksAsync(
        [Description("The message id.")] long id, MessageChecker checker, CancellationToken cancellationToken)
        => await checker.OfflineAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : NoSuchMessage(id);

    private static async Task<Results<Ok<LinkCheckResult>, ProblemHttpResult>> GetLinksAsync(
        [Description("The message id.")] long id, MessageChecker checker, CancellationToken cancellationToken)
        => await checker.LinksAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : NoSuchMessage(id);

    private static async Task<Results<Ok<SpamCheckResult>, ProblemHttpResult>> GetSpamAsync(
        [Description("The message id.")] long id, MessageChecker checker, CancellationToken cancellationToken)
        => await checker.SpamAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : NoSuchMessage(id);

    private static async Task<Results<Ok<DkimCheckResult>, ProblemHttpResult>> GetDkimAsync(
        [Description("The message id.")] long id, MessageChecker checker, CancellationToken cancellationToken)
        => await checker.DnsDkimAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : NoSuchMessage(id);

    private static ProblemHttpResult NoSuchMessage(long id) => ApiProblems.NotFound($"There is no message {id}.");
}
