using System.ComponentModel;
using MailCatcher.Integrations.Webhooks;

namespace MailCatcher.Api;

/// <summary><c>GET /api/v1/webhooks</c>: the configured webhooks and their recent deliveries.</summary>
internal static class WebhooksApi
{
    /// <summary>A configured webhook as shown (never its secret).</summary>
    public sealed record WebhookInfo(
        [property: Description("Where messages are POSTed (without any user information).")] string Url,
        [property: Description("The search a message must match; null for every message.")] string? Query,
        [property: Description("Whether bodies are signed (X-MailCatcher-Signature).")] bool Signed);

    /// <summary>The answer of <c>GET /api/v1/webhooks</c>.</summary>
    public sealed record WebhooksOverview(
        [property: Description("The configured webhooks.")] IReadOnlyList<WebhookInfo> Webhooks,
        [property: Description("Deliveries that succeeded since start.")] long Delivered,
        [property: Description("Deliveries that failed for good since start.")] long Failed,
        [property: Description("Deliveries dropped because the queue was full.")] long Dropped,
        [property: Description("The most recent deliveries, newest first.")] IReadOnlyList<WebhookDelivery> Deliveries);

    public static RouteHandlerBuilder MapWebhooksApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/webhooks", (WebhookTargets targets, WebhookLog log) => TypedResults.Ok(Overview(targets, log)))
            .WithTags("Webhooks")
            .WithName("ListWebhooks")
            .WithSummary("The configured webhooks, delivery totals and the recent deliveries with their outcomes.");

    public static WebhooksOverview Overview(WebhookTargets targets, WebhookLog log)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(log);
        return new WebhooksOverview(
            [.. targets.All.Select(t => new WebhookInfo(t.DisplayUrl, t.QueryText, t.Secret is not null))],
            log.Delivered, log.Failed, log.Dropped, log.Recent());
    }
}
