using System.Net;
using System.Net.Sockets;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// Issue 16: a slowloris client (a byte every half second, faster than the idle timeout) is cut
/// by the idle timeout on SMTP, POP3 and IMAP, and a normal client is served meanwhile.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed class SlowClientTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<TestHost> StartAsync() => TestHost.StartWithSettingsAsync(
        new Dictionary<string, string?>
        {
            ["Pop3:IdleTimeout"] = Idle.ToString(),
            ["Imap:IdleTimeout"] = Idle.ToString(),
        },
        "--smtp-idle-timeout", Idle.ToString());

    /// <summary>
    /// Opens a connection, reads the greeting (if the protocol has one), then sends
    /// <paramref name="drip"/> one byte every 500 ms and returns what the server said once it
    /// closed the connection, or null when it was still open after 12 s.
    /// </summary>
    private static async Task<string?> DripAsync(int port, string drip, bool greeting)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, Token);
        var stream = client.GetStream();
        var received = new MemoryStream();
        var buffer = new byte[4096];
        var reading = Task.Run(async () =>
        {
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer, Token)) > 0)
                {
                    received.Write(buffer, 0, n);
                }
            }
            catch (IOException)
            {
            }
        }, Token);
        var started = DateTime.UtcNow;
        foreach (var b in Encoding.ASCII.GetBytes(drip))
        {
            if (reading.IsCompleted)
            {
                break;
            }
            try
            {
                await stream.WriteAsync(new[] { b }, Token);
            }
            catch (IOException)
            {
                break;
            }
            await Task.Delay(500, Token);
            if (DateTime.UtcNow - started > TimeSpan.FromSeconds(12))
            {
                break;
            }
        }
        var closed = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(3), Token)) == reading;
        _ = greeting;
        return closed ? Encoding.ASCII.GetString(received.ToArray()) : null;
    }

    /// <summary>A slow command that would take 15 s to finish at this pace.</summary>
    private static string Slow(string line) => line + new string('x', 30) + "\r\n";

    [Fact]
    public async Task A_slowloris_SMTP_client_is_cut_with_421_while_a_normal_client_delivers()
    {
        await using var host = await StartAsync();
        var slow = DripAsync(host.SmtpPort, Slow("EHLO slow"), greeting: true);
        await TestMail.SendAsync(host, TestMail.Simple("beside a slowloris"));
        var said = await slow;
        Assert.NotNull(said);
        Assert.Contains("421 4.4.2", said);
        Assert.Equal(1, (await host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task A_slowloris_POP3_client_is_cut_while_a_normal_client_is_served()
    {
        await using var host = await StartAsync();
        var slow = DripAsync(host.Pop3Port!.Value, Slow("USER slow"), greeting: true);
        var (wire, greeting) = await LineWire.ConnectAsync(host.Pop3Port!.Value);
        await using (wire)
        {
            Assert.StartsWith("+OK", greeting);
        }
        var said = await slow;
        Assert.NotNull(said);
        Assert.Contains("-ERR idle timeout", said);
    }

    [Fact]
    public async Task A_slowloris_IMAP_client_is_cut_while_a_normal_client_is_served()
    {
        await using var host = await StartAsync();
        var slow = DripAsync(host.ImapPort!.Value, Slow("a1 NOOP "), greeting: true);
        var (wire, greeting) = await LineWire.ConnectAsync(host.ImapPort!.Value);
        await using (wire)
        {
            Assert.StartsWith("* OK", greeting);
        }
        var said = await slow;
        Assert.NotNull(said);
        Assert.Contains("* BYE idle timeout", said);
    }
}
