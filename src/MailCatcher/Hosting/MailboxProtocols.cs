using System.Globalization;
using System.Net;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Imap;
using MailCatcher.Protocols.Pop3;
using MailCatcher.Protocols.Smtp;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MailCatcher.Hosting;

/// <summary>
/// POP3 and IMAP in the host: their services and their Kestrel listeners. A port is a number
/// (0 = any free port) or <c>off</c> (also <c>-1</c>) to run without that listener. The implicit-TLS
/// ports (<c>--pop3s-port</c>, <c>--imaps-port</c>, RFC 8314) are off unless given. Users and the
/// certificate are SMTP's (<see cref="SmtpSecuritySetup"/>): one user list and one certificate for all.
/// </summary>
internal static class MailboxProtocols
{
    public const string Pop3 = "pop3";
    public const string Imap = "imap";
    public const string Pop3s = "pop3s";
    public const string Imaps = "imaps";
    public const string Pop3sPortKey = "Pop3:Pop3sPort";
    public const string ImapsPortKey = "Imap:ImapsPort";
    public const int DefaultPop3Port = 1110;
    public const int DefaultImapPort = 1143;

    /// <summary>
    /// Registers POP3 and IMAP with the user list and certificate of <paramref name="policy"/>. An
    /// implicit-TLS port or <c>--mailbox-require-tls</c> without a certificate stops MailCatcher at once.
    /// </summary>
    public static void AddMailboxProtocols(this WebApplicationBuilder builder, SmtpPolicy policy)
    {
        var configuration = builder.Configuration;
        var mailbox = configuration.GetSection(MailboxOptions.Section).Get<MailboxOptions>() ?? new MailboxOptions();
        if (!policy.Tls.IsAvailable)
        {
            if (ReadPort(configuration, Pop3sPortKey, null) is not null || ReadPort(configuration, ImapsPortKey, null) is not null)
            {
                throw new StartupException("--pop3s-port and --imaps-port need a certificate: give --tls-cert and --tls-key, or --tls-self-signed.");
            }
            if (mailbox.RequireTls)
            {
                throw new StartupException("--mailbox-require-tls needs a certificate: give --tls-cert and --tls-key, or --tls-self-signed.");
            }
        }
        var services = builder.Services;
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section);
        services.AddSingleton(provider => new MailboxAuthenticator(policy.Users, mailbox, provider.GetRequiredService<IInboxCredentials>()));
        services.AddOptions<Pop3Options>().BindConfiguration(Pop3Options.Section);
        services.AddSingleton<Pop3ConnectionCounter>();
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section);
        services.AddSingleton<ImapConnectionCounter>();
        services.AddSingleton<ImapFlagStore>();
    }

    /// <summary>Declares the POP3 and IMAP listeners that are not off, and records them in <paramref name="ports"/>.</summary>
    public static void ListenMailboxProtocols(this KestrelServerOptions kestrel, IPAddress ip, IConfiguration configuration, BoundPorts ports)
    {
        if (ReadPort(configuration, "Pop3:Port", DefaultPop3Port) is { } pop3)
        {
            kestrel.Listen(ip, pop3, listener =>
            {
                listener.UseConnectionHandler<Pop3ConnectionHandler>();
                ports.Add(Pop3, listener);
            });
        }
        if (ReadPort(configuration, "Imap:Port", DefaultImapPort) is { } imap)
        {
            kestrel.Listen(ip, imap, listener =>
            {
                listener.UseConnectionHandler<ImapConnectionHandler>();
                ports.Add(Imap, listener);
            });
        }
        if (ReadPort(configuration, Pop3sPortKey, null) is { } pop3s)
        {
            kestrel.Listen(ip, pop3s, listener =>
            {
                listener.UseImplicitTls();
                listener.UseConnectionHandler<Pop3ConnectionHandler>();
                ports.Add(Pop3s, listener);
            });
        }
        if (ReadPort(configuration, ImapsPortKey, null) is { } imaps)
        {
            kestrel.Listen(ip, imaps, listener =>
            {
                listener.UseImplicitTls();
                listener.UseConnectionHandler<ImapConnectionHandler>();
                ports.Add(Imaps, listener);
            });
        }
    }

    /// <summary>The configured port (<paramref name="defaultPort"/> when not set); null when it is <c>off</c> or negative.</summary>
    public static int? ReadPort(IConfiguration configuration, string key, int? defaultPort)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultPort;
        }
        if (text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new InvalidOperationException($"{key} '{text}' is not a port number or 'off'.");
        }
        return port < 0 ? null : port;
    }

    /// <summary>For the startup banner.</summary>
    public static string Describe(string host, int? port) => port is null ? "off" : $"{host}:{port}";
}
