using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bunit;
using MailCatcher.Core.Events;
using MailCatcher.Hosting.Security;
using MailCatcher.Relay.Queue;
using MailCatcher.Storage.Outbox;
using MailCatcher.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailCatcher.Web.Tests.Components;

/// <summary>
/// Real hosts for the outbox components: the components get the host's own outbox, store and
/// event bus, so a bUnit render follows the real queue and the real worker.
/// </summary>
internal static class OutboxHosts
{
    /// <summary>A host relaying to <paramref name="relayPort"/> on 127.0.0.1 without TLS.</summary>
    public static Task<TestHost> RelayingToAsync(int relayPort, params string[] more) =>
        TestHost.StartAsync(["--relay-host", "127.0.0.1", "--relay-port", relayPort.ToString(CultureInfo.InvariantCulture), "--relay-tls", "none", .. more]);

    /// <summary>A port nothing listens on: a relay that is down.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static BunitContext ContextFor(TestHost host)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddSingleton(host.Services.GetRequiredService<RelayOutbox>());
        context.Services.AddSingleton(host.Services.GetRequiredService<OutboxStore>());
        context.Services.AddSingleton(host.Services.GetRequiredService<MailEventBus>());
        // The components ask whether the viewer may change anything; without log-in, yes.
        context.Services.AddSingleton(host.Services.GetRequiredService<AccessControl>());
        context.AddAuthorization();
        context.Services.AddScoped<UiAccess>();
        return context;
    }
}
