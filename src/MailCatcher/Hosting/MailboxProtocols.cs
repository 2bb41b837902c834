using System.Globalization;
using System.Net;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Imap;
using MailCatcher.Protocols.Pop3;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MailCatcher.Hosting;

/// <summary>
/// POP3 and IMAP in the host: their services and their Kestrel listeners. A port is a number
/// (0 = any free port) or <c>off</c> (also <c>-1</c>) to run without that listener.
/// </summary>
internal static class MailboxProtocols
{
    public const string Pop3 = "pop3";
    public const string Imap = "imap";
    public const int DefaultPop3Port = 1110;
    public const int DefaultImapPort = 1143;

    public static IServiceCollection AddMailboxProtocols(this IServiceCollection services)
    {
        services.AddOptions<MailboxOptions>()
            .BindConfiguration(MailboxOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                foreach (var user in configuration.GetSection(MailboxOptions.UsersKey).Get<string[]>() ?? [])
                {
                    options.Users.Add(user);
                }
            });
        services.AddOptions<Pop3Options>().BindConfiguration(Pop3Options.Section);
        services.AddSingleton<Pop3ConnectionCounter>();
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section);
        services.AddSingleton<ImapConnectionCounter>();
        services.AddSingleton<ImapFlagStore>();
        return services;
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
    }

    /// <summary>The configured port; null when it is <c>off</c> or negative.</summary>
    public static int? ReadPort(IConfiguration configuration, string key, int defaultPort)
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
