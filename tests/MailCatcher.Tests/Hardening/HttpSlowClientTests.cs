using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// Issue 16: an HTTP slowloris client (a header byte every 2 s, never finishing its headers)
/// does not starve others, and Kestrel's request-headers timeout cuts it. The default is
/// Kestrel's 30 s; the test sets 4 s through <c>Http:RequestHeadersTimeout</c> so that it stays short.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed class HttpSlowClientTests
{
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(4);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_dripping_header_bytes_is_cut_by_the_headers_timeout_while_normal_requests_are_answered()
    {
        await using var host = await TestHost.StartWithSettingsAsync(new Dictionary<string, string?>
        {
            ["Http:RequestHeadersTimeout"] = HeadersTimeout.ToString(),
        });
        await TestMail.SendAsync(host, TestMail.Simple("beside a slowloris"));

        // Ten slow clients, each with a request whose headers never end.
        var slow = new List<(TcpClient Client, NetworkStream Stream)>();
        for (var i = 0; i < 10; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, host.HttpPort, Token);
            slow.Add((client, client.GetStream()));
        }
        var request = Encoding.ASCII.GetBytes("GET /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('a', 200));
        var started = Stopwatch.StartNew();
        var cutAfter = new TimeSpan?[slow.Count];
        var answered = 0;
        try
        {
            for (var b = 0; b < request.Length && cutAfter.Any(c => c is null) && started.Elapsed < TimeSpan.FromSeconds(60); b++)
            {
                for (var i = 0; i < slow.Count; i++)
                {
                    if (cutAfter[i] is null && !await TryWriteAsync(slow[i].Stream, request[b]))
                    {
                        cutAfter[i] = started.Elapsed;
                    }
                }
                // Meanwhile a normal client is answered at once.
                var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=5");
                Assert.Single(page!.Messages);
                answered++;
                await Task.Delay(TimeSpan.FromSeconds(2), Token);
            }
            Assert.All(cutAfter, cut => Assert.NotNull(cut));
            // Cut near the 4 s timeout (a later write notices the close), well before Kestrel's 30 s default
            // would have: so it is the timeout that cut them, not the end of the drip (over 400 s).
            Assert.All(cutAfter, cut => Assert.True(cut < HeadersTimeout + TimeSpan.FromSeconds(15), $"cut after {cut}"));
            Assert.True(answered >= 2, $"only {answered} normal requests were made while the slow clients dripped");
        }
        finally
        {
            foreach (var (client, _) in slow)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Writes one byte; false once the server has closed the connection (a read sees its 408 or end of stream).</summary>
    private static async Task<bool> TryWriteAsync(NetworkStream stream, byte value)
    {
        try
        {
            if (stream.DataAvailable)
            {
                // Kestrel answers 408 Request Timeout and closes: anything from the server before our request ended means we were cut.
                return false;
            }
            await stream.WriteAsync(new[] { value }, Token);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
