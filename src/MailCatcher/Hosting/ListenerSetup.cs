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

        // Durable ingest (issue 16): a connection's reads and writes continue where the socket
        // completed (a thread-pool thread; socket completions are not inlined on the epoll thread)
        // instead of being queued to Kestrel's I/O queues and the pool once more. Each SMTP
        // message's round trip made two such extra hand-offs (its data in, its 250 out), and on a
        // loaded 2-core machine each is a context switch. The "unsafe" part is that a handler blocking a continuation delays its own
        // connection's I/O; no handler here blocks on I/O it waits for from that connection.
        // SmtpBench A/B, same build, medians of 5 at load 17-39 (bench/README.md): server CPU per
        // message x0.92 over 8 pipelining connections, x0.84 for one message per connection.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        // Reads of up to 16 KB instead of 4 KB (LargeBlockMemoryPool); the last registration of the factory wins over Kestrel's own.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
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
