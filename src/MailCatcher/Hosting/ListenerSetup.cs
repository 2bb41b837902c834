using System.Net;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Smtp;
using Microsoft.AspNetCore.Connections;

namespace MailCatcher.Hosting;

/// <summary>
/// Declares every listener on Kestrel: HTTP and the mail protocols, each mail protocol with its
/// own <see cref="ConnectionHandler"/> (design.md, "One host"). Once endpoints are declared in
/// code Kestrel ignores ASPNETCORE_URLS, so HTTP is declared here too.
/// </summary>
internal static class ListenerSetup
{
    public static void ConfigureListeners(this WebApplicationBuilder builder, BoundPorts ports)
    {
        var configuration = builder.Configuration;
        var ipText = configuration["Ip"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(ipText, out var ip))
        {
            throw new InvalidOperationException($"--ip '{ipText}' is not an IP address.");
        }
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var httpTls = Security.HttpSecuritySetup.HttpsRequested(configuration);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.RequestHeadersTimeout = http.RequestHeadersTimeout;
            kestrel.Listen(ip, http.Port, listener =>
            {
                if (httpTls)
                {
                    // --http-tls: the web UI and API over HTTPS with the mail protocols' certificate.
                    listener.UseImplicitTls();
                }
                ports.Add(BoundPorts.Http, listener);
            });
            kestrel.Listen(ip, smtp.Port, listener =>
            {
                listener.UseConnectionHandler<SmtpConnectionHandler>();
                ports.Add(BoundPorts.Smtp, listener);
            });
            if (SmtpSecuritySetup.SmtpsPort(configuration) is { } smtpsPort)
            {
                kestrel.Listen(ip, smtpsPort, listener => listener.UseSmtps(ports));
            }

            kestrel.ListenMailboxProtocols(ip, configuration, ports);

        });
    }
}
