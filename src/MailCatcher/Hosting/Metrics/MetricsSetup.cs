using MailCatcher.Api;
using MailCatcher.Integrations.Webhooks;
using MailCatcher.Protocols.Shared;
using MailCatcher.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MailCatcher.Hosting.Metrics;

/// <summary>
/// <c>--metrics</c>: the instruments of every project, exported in Prometheus format at
/// <c>/metrics</c> through OpenTelemetry. Off by default: without the flag nothing listens to the
/// instruments (each costs a flag check) and <c>/metrics</c> does not exist.
/// </summary>
internal static class MetricsSetup
{
    public const string Section = "Metrics";

    public const string Path = "/metrics";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static void AddMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }
        builder.Services.AddSingleton<StoreGauges>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mailcatcher", serviceVersion: InfoApi.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(ProtocolMetrics.MeterName, StorageMetrics.MeterName, WebhookMetrics.MeterName, StoreGauges.MeterName)
                // A scrape reads the instruments as they are now; the default 300 ms cache would
                // hand a scrape right after a message the numbers from before it.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void UseMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        // The gauges register their callbacks when created.
        app.Services.GetRequiredService<StoreGauges>();
        app.MapPrometheusScrapingEndpoint(Path);
    }
}
