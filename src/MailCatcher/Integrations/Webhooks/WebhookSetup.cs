using MailCatcher.Hosting;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>Reads the <c>Webhooks</c> section (from <c>--webhook</c> or configuration) once and registers delivery.</summary>
internal static class WebhookSetup
{
    public const string Section = "Webhooks";

    /// <summary>Registers the webhooks; a malformed one stops the start with a sentence naming it.</summary>
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var targets = new List<WebhookTarget>();
        foreach (var entry in builder.Configuration.GetSection(Section).GetChildren())
        {
            try
            {
                // Either the flag's one-line form, or an object { Url, Query, Secret } (a secret can
                // then come from MAILCATCHER_Webhooks__0__Secret instead of the command line).
                targets.Add(entry.Value is { } line
                    ? WebhookTarget.Parse(line)
                    : WebhookTarget.Create(entry["Url"], entry["Query"], entry["Secret"]));
            }
            catch (FormatException e)
            {
                throw new StartupException($"--webhook: {e.Message}", e);
            }
        }
        builder.Services.AddSingleton(new WebhookTargets(targets));
        builder.Services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section);
        builder.Services.AddSingleton(sp => new WebhookLog(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookSettings>>().Value.HistorySize));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDispatcher>();
    }
}
