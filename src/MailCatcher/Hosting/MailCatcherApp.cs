using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailCatcher.Api;
using MailCatcher.Api.Mailpit;
using MailCatcher.Api.Send;
using MailCatcher.CommandLine;
using MailCatcher.Hosting.Metrics;
using MailCatcher.Core.Events;
using MailCatcher.Core.Options;
using MailCatcher.Hosting.Security;
using MailCatcher.Integrations.Webhooks;
using MailCatcher.Protocols.Smtp;
using MailCatcher.Relay;
using MailCatcher.Storage;
using MailCatcher.Storage.Database;

namespace MailCatcher.Hosting;

/// <summary>Builds the one host (design.md): HTTP, SMTP and storage wired together.</summary>
public static class MailCatcherApp
{
    /// <summary>
    /// Builds the application from command-line arguments. Tests call this with <c>--smtp-port 0
    /// --http-port 0 --db …</c> and start it like the real thing.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var commandLine = CommandLineParser.Parse(args);
        if (commandLine.Error is not null)
        {
            throw new ArgumentException(commandLine.Error, nameof(args));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Content and web root next to the binaries, where the build copies appsettings.json
            // and the top-level wwwroot/, so `dotnet run` and a published app behave the same.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            // Named after this assembly even when a test is the entry point, so the static web
            // assets manifests (Blazor's _framework/ scripts) are found under the same name.
            ApplicationName = typeof(MailCatcherApp).Assembly.GetName().Name,
        });
        StartupTrace.Mark("builder");
        builder.Configuration.AddEnvironmentVariables("MAILCATCHER_");
        builder.Configuration.AddInMemoryCollection(commandLine.Settings);
        // Before anything reads the configuration: settings a caller adds here reach the SMTP
        // policy and the user list POP3 and IMAP share, which are built while the host is built.
        configure?.Invoke(builder);

        var ports = new BoundPorts();
        builder.Services.AddSingleton(ports);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new StartTime(DateTime.UtcNow));
        builder.Services.AddSingleton<MailEventBus>();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section);
        builder.Services.AddSingleton<SmtpConnectionCounter>();
        builder.Services.AddMailStorage();
        builder.Services.AddMailRelay();
        builder.Services.AddMailCatcherApi();
        builder.Services.AddProblemDetails();
        builder.AddWebUi();
        builder.AddMessageChecks();
        builder.AddWebhooks();
        builder.AddMetrics();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.AddHttpSecurity();
        builder.AddAccessControl();
        var policy = builder.AddSmtpSecurity();
        builder.AddMailboxProtocols(policy);
        builder.AddInboxRules();
        builder.ConfigureListeners(ports);

        StartupTrace.Mark("services");
        WebApplication app;
        try
        {
            app = builder.Build();
            StartupTrace.Mark("host");
            app.Services.GetRequiredService<MailDatabaseInitializer>().Initialize();
            StartupTrace.Mark("database");
        }
        catch (StorageStartupException e)
        {
            // Issue 14: a wrong storage setting or an unreachable PostgreSQL is a start-up error that names the server.
            throw new StartupException(e.Message, e);
        }

        app.UseHttpSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseHttpAccessControl();
        app.MapLoginEndpoints();
        app.MapMessagesApi();
        app.MapInboxesApi();
        app.MapSessionsApi();
        app.MapInfoApi();
        app.MapFaultsApi();
        app.MapOutboxApi();
        app.MapChecksApi();
        app.MapSendApi();
        app.MapWebhooksApi();
        app.MapMailpitApi();
        app.UseMetrics();
        app.MapApiDocumentation();
        app.UseWebUi();
        StartupTrace.Mark("mapped");
        return app;
    }

    /// <summary>What a person needs to know once the host is listening.</summary>
    public static string StartupBanner(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ports = app.Services.GetRequiredService<BoundPorts>();
        var database = app.Services.GetRequiredService<DatabaseLocation>();
        var ip = app.Configuration["Ip"] ?? "127.0.0.1";
        var host = ip is "0.0.0.0" or "::" ? "localhost" : ip;
        var banner = new StringBuilder();
        banner.AppendLine(CultureInfo.InvariantCulture, $"MailCatcher {InfoApi.Version}");
        banner.AppendLine(CultureInfo.InvariantCulture, $"  SMTP      {host}:{ports.PortOf(BoundPorts.Smtp)}");
        // Implicit-TLS ports are listed only when they are on (they are off by default).
        AppendIfOn(SmtpSecuritySetup.SmtpsProtocol, "SMTPS");
        banner.AppendLine(CultureInfo.InvariantCulture, $"  POP3      {MailboxProtocols.Describe(host, ports.PortOf(MailboxProtocols.Pop3))}");
        AppendIfOn(MailboxProtocols.Pop3s, "POP3S");
        banner.AppendLine(CultureInfo.InvariantCulture, $"  IMAP      {MailboxProtocols.Describe(host, ports.PortOf(MailboxProtocols.Imap))}");
        AppendIfOn(MailboxProtocols.Imaps, "IMAPS");
        banner.AppendLine(CultureInfo.InvariantCulture, $"  Web UI    {HttpSecuritySetup.WebUiAddress(app.Configuration, host, ports.PortOf(BoundPorts.Http))}");
        banner.Append(CultureInfo.InvariantCulture, $"  Database  {database.Description}");
        return banner.ToString();

        void AppendIfOn(string protocol, string label)
        {
            if (ports.PortOf(protocol) is { } port)
            {
                banner.AppendLine(CultureInfo.InvariantCulture, $"  {label,-9} {host}:{port}");
            }
        }
    }
}
