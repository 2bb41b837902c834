using System.Net;
using System.Net.Sockets;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Hardening;

/// <summary>Issue 16: many connections at once, floods beyond the limit, and a client that never reads its replies.</summary>
[Collection(HardeningGroup.Name)]
public sealed class ManyClientsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_SMTP_connections_held_open_then_each_deliver_a_message()
    {
        const int count = 1000;
        await using var host = await TestHost.StartAsync("--smtp-max-connections", "1100", "--max-messages", "0");
        var wires = new List<SmtpWire>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var (wire, greeting) = await SmtpWire.ConnectAsync(host.SmtpPort);
                wires.Add(wire);
                Assert.StartsWith("220", greeting);
            }
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Token }, async (i, _) =>
            {
                var wire = wires[i];
                // RFC 2920 pipelining: the envelope and the message in one write, then the replies.
                await wire.SendRawAsync($"EHLO c{i}\r\nMAIL FROM:<c{i}@example.com>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n");
                Assert.StartsWith("250", await wire.ReadReplyAsync());
                Assert.StartsWith("250", await wire.ReadReplyAsync());
                Assert.StartsWith("250", await wire.ReadReplyAsync());
                Assert.StartsWith("354", await wire.ReadReplyAsync());
                Assert.StartsWith("250", await wire.CommandAsync($"Subject: connection {i}\r\n\r\nbody {i}\r\n."));
            });
        }
        finally
        {
            foreach (var wire in wires)
            {
                await wire.DisposeAsync();
            }
        }
        Assert.Equal(count, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=1"))!.Total);
    }

    [Fact]
    public async Task A_connection_flood_beyond_the_limit_gets_421_and_the_server_recovers()
    {
        await using var host = await TestHost.StartAsync("--smtp-max-connections", "50");
        var wires = new List<TcpClient>();
        var refused = 0;
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, host.SmtpPort, Token);
                wires.Add(client);
                var reader = new StreamReader(client.GetStream(), Encoding.ASCII, false, 256, leaveOpen: true);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var greeting = await reader.ReadLineAsync(timeout.Token);
                if (greeting?.StartsWith("421 4.3.2", StringComparison.Ordinal) == true)
                {
                    refused++;
                }
            }
            Assert.Equal(150, refused);
        }
        finally
        {
            foreach (var client in wires)
            {
                client.Dispose();
            }
        }
        // Once the flood is gone, slots come back: a normal client delivers.
        Exception? last = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await TestMail.SendAsync(host, TestMail.Simple("after the flood"));
                last = null;
                break;
            }
            catch (Exception e) when (e is MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or IOException)
            {
                last = e;
                await Task.Delay(100, Token);
            }
        }
        Assert.Null(last);
        Assert.Equal(1, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    /// <summary>
    /// A client pipelines commands and never reads a reply: once the socket buffers are full the
    /// server must stop reading (Kestrel's pipe thresholds), not buffer replies without bound. The
    /// client's writes then block: it cannot push more than the pipes and socket buffers hold.
    /// </summary>
    [Fact]
    public async Task A_client_that_never_reads_replies_cannot_make_the_server_buffer_without_bound()
    {
        await using var host = await TestHost.StartAsync();
        using var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(IPAddress.Loopback, host.SmtpPort, Token);
        var stream = client.GetStream();
        // Each 8-octet command earns a multi-line EHLO reply of several hundred octets.
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("EHLO x\r\n", 8192)));
        long sent = 0;
        const long attempt = 256L * 1024 * 1024;
        while (sent < attempt)
        {
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(Token);
            stalled.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await stream.WriteAsync(chunk, stalled.Token);
            }
            catch (OperationCanceledException) when (!Token.IsCancellationRequested)
            {
                break; // the server stopped reading: back-pressure reached the client
            }
            catch (IOException)
            {
                break; // or it gave up on the connection
            }
            sent += chunk.Length;
        }
        Assert.True(sent < 64L * 1024 * 1024, $"the server accepted {sent / (1024 * 1024)} MB from a client that reads nothing");

        // And it still serves everyone else.
        await TestMail.SendAsync(host, TestMail.Simple("beside a client that never reads"));
        Assert.Equal(1, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }
}
