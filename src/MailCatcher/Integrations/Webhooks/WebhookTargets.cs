namespace MailCatcher.Integrations.Webhooks;

/// <summary>The webhooks configured at start (<c>--webhook</c>, the <c>Webhooks</c> section).</summary>
internal sealed record WebhookTargets(IReadOnlyList<WebhookTarget> All);
