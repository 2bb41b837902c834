using MailCatcher.Core.Options;
using MailCatcher.Core.Users;
using MailCatcher.Protocols.Shared;
using MailCatcher.Protocols.Smtp;
using MailCatcher.Protocols.Smtp.Faults;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MailCatcher.Hosting;

/// <summary>
/// Wires TLS, AUTH, accepted-recipient rules and fault injection into the SMTP listener. The
/// policy is built while the host is built, so a bad certificate, user list or rule stops
/// MailCatcher at once with a message that names the flag.
/// </summary>
internal static class SmtpSecuritySetup
{
    /// <summary>The implicit-TLS listener's name in <see cref="BoundPorts"/> and <c>/api/v1/info</c>.</summary>
    public const string SmtpsProtocol = "smtps";

    /// <summary>
    /// Builds the policy and registers it with the parts POP3 and IMAP share: the certificate
    /// (<see cref="TlsServerSettings"/>) and the user list (<see cref="UserList"/>).
    /// </summary>
    public static SmtpPolicy AddSmtpSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpSecurityOptions>().BindConfiguration(SmtpSecurityOptions.Section);
        builder.Services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.Section);
        var policy = CreatePolicy(builder.Configuration);
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton(policy.Faults);
        builder.Services.AddSingleton(policy.Tls);
        builder.Services.AddSingleton(policy.Users);
        return policy;
    }

    /// <summary>The configured implicit-TLS port, or null when that listener is off.</summary>
    public static int? SmtpsPort(IConfiguration configuration) =>
        configuration.GetSection(SmtpSecurityOptions.Section).Get<SmtpSecurityOptions>()?.SmtpsPort;

    /// <summary>The implicit-TLS SMTP listener (RFC 8314 §3).</summary>
    public static void UseSmtps(this ListenOptions listener, BoundPorts ports)
    {
        listener.UseImplicitTls();
        listener.UseConnectionHandler<SmtpConnectionHandler>();
        ports.Add(SmtpsProtocol, listener);
    }

    /// <summary>
    /// RFC 8314 §3: implicit TLS, the handshake first and the protocol inside it (SMTPS, POP3S,
    /// IMAPS). Kestrel runs the handshake; the session reads the protocol and cipher from the
    /// connection's features (<see cref="TlsUpgrade.DescribeImplicit"/>).
    /// </summary>
    public static void UseImplicitTls(this ListenOptions listener)
    {
        var tls = listener.ApplicationServices.GetRequiredService<TlsServerSettings>();
        listener.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = tls.Certificate,
            HandshakeTimeout = tls.HandshakeTimeout,
        });
    }

    internal static SmtpPolicy CreatePolicy(IConfiguration configuration)
    {
        var security = Bind<SmtpSecurityOptions>(configuration, SmtpSecurityOptions.Section);
        var tls = Bind<TlsOptions>(configuration, TlsOptions.Section);
        var smtp = Bind<SmtpOptions>(configuration, SmtpOptions.Section);
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section);

        var certificate = TlsCertificateLoader.Load(tls, DataFolder(storage), smtp.HostName);
        if (certificate is null && security.SmtpsPort is not null)
        {
            throw new StartupException("--smtps-port needs a certificate: give --tls-cert and --tls-key, or --tls-self-signed.");
        }
        if (certificate is null && (security.RequireTls || security.AuthRequireTls))
        {
            throw new StartupException("--smtp-require-tls and --smtp-auth-require-tls need a certificate: give --tls-cert and --tls-key, or --tls-self-signed.");
        }
        if (!UserList.TryParse(UserEntries(security), out var users, out var userError))
        {
            throw new StartupException($"SMTP user list: {userError}.");
        }
        if (!RecipientRules.TryCreate(security.AcceptedRecipients, out var recipients, out var recipientError))
        {
            throw new StartupException($"--smtp-accept-recipient: {recipientError}.");
        }
        return new SmtpPolicy
        {
            Tls = new TlsServerSettings { Certificate = certificate },
            RequireTls = security.RequireTls,
            AuthMode = security.Auth,
            AuthRequiresTls = security.AuthRequireTls,
            Users = users,
            Recipients = recipients,
            Faults = new FaultInjector(FaultRules(security)),
        };
    }

    /// <summary>A value that does not fit its setting (e.g. <c>--smtp-auth maybe</c>) is a startup error too.</summary>
    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException($"{e.Message} Run with --help to see what each option takes.", e);
        }
    }

    /// <summary>The self-signed certificate lives next to the database; a temporary database uses the default folder.</summary>
    private static string DataFolder(StorageOptions storage)
    {
        var database = string.IsNullOrWhiteSpace(storage.Database) || storage.Database == StorageOptions.InMemory
            ? StorageOptions.DefaultDatabasePath
            : storage.Database;
        return Path.GetDirectoryName(Path.GetFullPath(database))!;
    }

    private static IEnumerable<(string Line, string Source)> UserEntries(SmtpSecurityOptions security)
    {
        foreach (var (user, index) in security.Users.Select((u, i) => (u, i)))
        {
            yield return (user, $"--smtp-user #{index + 1}");
        }
        if (string.IsNullOrWhiteSpace(security.UsersFile))
        {
            yield break;
        }
        var path = Path.GetFullPath(security.UsersFile);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The users file '{path}' (--smtp-users-file) could not be read: {e.Message}", e);
        }
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            yield return (line, $"{path} line {index + 1}");
        }
    }

    private static List<FaultRule> FaultRules(SmtpSecurityOptions security)
    {
        var rules = new List<FaultRule>();
        foreach (var (settings, index) in security.Faults.Select((s, i) => (s, i)))
        {
            if (!FaultRule.TryCreate(settings, out var rule, out var error))
            {
                throw new StartupException($"Smtp:Faults:{index}: {error}.");
            }
            rules.Add(rule);
        }
        foreach (var text in security.FaultRules)
        {
            if (!FaultRuleParser.TryParse(text, out var settings, out var error) || !FaultRule.TryCreate(settings, out var rule, out error))
            {
                throw new StartupException($"--smtp-fault {error}.");
            }
            rules.Add(rule);
        }
        return rules;
    }
}
