using System.Text.Json;
using System.Text.Json.Serialization;
using MailCatcher.Api;
using MailCatcher.Components;
using MailCatcher.Components.Time;
using MailCatcher.Hubs;
using MailCatcher.Mail;
using MailCatcher.Storage.Writing;

namespace MailCatcher.Hosting;

/// <summary>The web inbox (Blazor Server), the events hub and the message-body endpoints.</summary>
internal static class WebUiSetup
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Under `dotnet run` and in tests Blazor's script lives in a NuGet package folder that the
        // build's runtime manifest points to; a published app has it in wwwroot/ and no manifest.
        builder.WebHost.UseStaticWebAssets();
        // Our own assets (top-level wwwroot/) are served by UseStaticFiles, not from the static web
        // assets manifest; the manifest's handler would warn about each of them on every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Builder.StaticAssetDevelopmentRuntimeHandler", LogLevel.Error);
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        // The viewer's time zone, per circuit, cascaded to every component that shows a time.
        services.AddViewerClock();
        // Hub payloads read like the REST API's: an outbox entry's state is "sent", not 2.
        services.AddSignalR().AddJsonProtocol(options =>
            options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton<MessageLoader>();
        services.AddSingleton<MailCommands>();
        services.AddSingleton<InboxSource>();
        services.AddHostedService<EventsHubRelay>();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        // Blazor's own script (_framework/blazor.web.js) is a static web asset: served from the
        // build's manifest under `dotnet run` and from the published files after `dotnet publish`.
        app.MapStaticAssets();
        app.MapHub<EventsHub>(EventsHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
