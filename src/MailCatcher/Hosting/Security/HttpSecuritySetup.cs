using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MailCatcher.Hosting.Security;

/// <summary>
/// Wires the HTTP security layer (README: "Sharing one MailCatcher"): forwarded headers from
/// trusted proxies, the base path, the host allow-list, CORS, the cross-site and JSON-body checks.
/// Each is middleware chosen by path and method, so endpoints added later are covered.
/// </summary>
internal static class HttpSecuritySetup
{
    public static HttpSecurityOptions AddHttpSecurity(this WebApplicationBuilder builder)
    {
        var options = Bind(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(HostAllowList.Create(options.AllowedHosts, builder.Configuration["Ip"] ?? "127.0.0.1"));
        var cors = new CorsOriginList(options.CorsOrigins);
        services.AddSingleton(cors);
        if (cors.Origins.Count > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(policy => policy
                .WithOrigins([.. cors.Origins])
                .AllowAnyMethod()
                .AllowAnyHeader()
                .WithExposedHeaders(Api.MessageBodiesApi.BlockedRemoteImagesHeader, "Location")));
        }
        if (options.TrustedProxies.Count > 0)
        {
            // Parsed now, so a bad address stops MailCatcher at start rather than at the first request.
            var trust = new ForwardedHeadersOptions();
            TrustOnly(trust, options.TrustedProxies);
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = trust.ForwardedHeaders;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                trust.KnownProxies.ToList().ForEach(forwarded.KnownProxies.Add);
                trust.KnownIPNetworks.ToList().ForEach(forwarded.KnownIPNetworks.Add);
            });
        }
        return options;
    }

    /// <summary>First in the pipeline: what the request really is (proxy, base path) and whether it is for us.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<HttpSecurityOptions>();
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (BasePath(options) is { HasValue: true } basePath)
        {
            app.UsePathBase(basePath);
        }
        app.UseMiddleware<AllowedHostsMiddleware>();
        return app;
    }

    /// <summary>After static files, before the endpoints: routing, CORS, the cross-site and body checks, log-in.</summary>
    public static WebApplication UseHttpAccessControl(this WebApplication app)
    {
        // Explicit, so that routing sees the path after UsePathBase has taken the base path off it.
        app.UseRouting();
        if (app.Services.GetRequiredService<CorsOriginList>().Origins.Count > 0)
        {
            app.UseCors();
        }
        app.UseMiddleware<CrossSiteRequestMiddleware>();
        app.UseMiddleware<JsonBodyMiddleware>();
        app.UseAccessControl();
        return app;
    }

    /// <summary>
    /// True for <c>--http-tls</c>; a startup error when no certificate is configured, since HTTPS
    /// uses the one <c>--tls-cert</c> or <c>--tls-self-signed</c> gives the mail protocols.
    /// </summary>
    public static bool HttpsRequested(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>($"{HttpOptions.Section}:{nameof(HttpSecurityOptions.Tls)}"))
        {
            return false;
        }
        var tls = configuration.GetSection(Core.Options.TlsOptions.Section).Get<Core.Options.TlsOptions>() ?? new Core.Options.TlsOptions();
        if (string.IsNullOrWhiteSpace(tls.Certificate) && !tls.SelfSigned)
        {
            throw new StartupException("--http-tls needs a certificate: give --tls-cert (and --tls-key), or --tls-self-signed.");
        }
        return true;
    }

    /// <summary>Where the web UI is, for the startup banner: scheme and base path included.</summary>
    public static string WebUiAddress(IConfiguration configuration, string host, int? port)
    {
        var options = configuration.GetSection(HttpOptions.Section).Get<HttpSecurityOptions>() ?? new HttpSecurityOptions();
        var scheme = options.Tls ? "https" : "http";
        return $"{scheme}://{host}:{port}{BasePath(options)}/";
    }

    /// <summary><c>--base-path</c> as a path: <c>/mail</c>; nothing for <c>/</c> or none.</summary>
    public static PathString BasePath(HttpSecurityOptions options)
    {
        var text = options.BasePath?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(text))
        {
            return PathString.Empty;
        }
        if (!text.StartsWith('/') || text.IndexOfAny(['?', '#', '\\', ' ']) >= 0)
        {
            throw new StartupException($"--base-path '{options.BasePath}' is not a path: give it like /mail.");
        }
        return new PathString(text);
    }

    private static HttpSecurityOptions Bind(ConfigurationManager configuration)
    {
        try
        {
            var options = configuration.GetSection(HttpOptions.Section).Get<HttpSecurityOptions>() ?? new HttpSecurityOptions();
            BasePath(options);
            return options;
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"{e.Message} Run with --help to see what each option takes.", e);
        }
    }

    /// <summary>
    /// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed from the named proxies
    /// only; the defaults (which trust loopback) are cleared, since any local process could send them.
    /// </summary>
    private static void TrustOnly(ForwardedHeadersOptions forwarded, IEnumerable<string> proxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.SelectMany(p => p.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (proxy.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                forwarded.KnownProxies.Add(address);
            }
            else
            {
                throw new StartupException($"--trusted-proxy '{proxy}' is not an IP address or a network such as 10.0.0.0/8.");
            }
        }
    }
}
