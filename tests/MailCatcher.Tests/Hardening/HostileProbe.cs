using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;

namespace MailCatcher.Tests.Hardening;

/// <summary>
/// Puts one raw message into a host over SMTP and looks at it every way a user can: the API
/// detail, /html, /text, /headers, /raw and IMAP FETCH BODYSTRUCTURE + ENVELOPE with MailKit,
/// each timed, while the process's resident memory is sampled.
/// </summary>
public sealed class HostileProbe(TestHost host)
{
    /// <summary>
    /// A runaway detector, not a speed goal (those live in bench/): the quadratic preview this
    /// catches took over 100 s for the 20 MB body, while a sound view of it took 16.5 s in a CI run
    /// with the web tests beside it on two cores, so 15 s flaked.
    /// </summary>
    public static readonly TimeSpan ViewBound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Sends the message as DATA (already CRLF, dot-stuffed here) and returns the server's reply to the end of data.</summary>
    public async Task<string> SendAsync(byte[] raw)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.SmtpPort, Token);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1, false, 1024, leaveOpen: true);
        async Task<string> ReplyAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                line = await reader.ReadLineAsync(timeout.Token);
            }
            while (line is not null && line.Length > 3 && line[3] == '-');
            return line ?? "<closed>";
        }
        async Task<string> CommandAsync(string command)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), Token);
            return await ReplyAsync();
        }
        await ReplyAsync();
        Assert.StartsWith("250", await CommandAsync("EHLO hostile.test"));
        Assert.StartsWith("250", await CommandAsync("MAIL FROM:<hostile@example.com>"));
        Assert.StartsWith("250", await CommandAsync("RCPT TO:<bob@example.com>"));
        Assert.StartsWith("354", await CommandAsync("DATA"));
        await stream.WriteAsync(TestMail.ToSmtpData(raw), Token);
        var reply = await ReplyAsync();
        Assert.StartsWith("250", await CommandAsync("NOOP")); // the session survives whatever the reply was
        await CommandAsync("QUIT");
        return reply;
    }

    /// <summary>Sends, asserts it was accepted and stored byte-exact, and returns the new message's id.</summary>
    public async Task<long> StoreAsync(byte[] raw)
    {
        var reply = await SendAsync(raw);
        Assert.True(reply.StartsWith("250", StringComparison.Ordinal), reply);
        var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=1");
        var id = page!.Messages[0].Id;
        var stored = await host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", Token);
        Assert.True(raw.AsSpan().SequenceEqual(stored), $"stored {stored.Length} bytes, sent {raw.Length}");
        return id;
    }

    /// <summary>Every view of the message, each within <see cref="ViewBound"/>; returns the API detail and the peak memory growth.</summary>
    public async Task<(MessageDetailDto Detail, long PeakGrowth)> ViewAllAsync(long id)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(25, CancellationToken.None);
            }
        }, CancellationToken.None);

        MessageDetailDto? detail = null;
        await TimedAsync("detail", async () => detail = await host.GetJsonAsync<MessageDetailDto>($"api/v1/messages/{id}"));
        foreach (var view in new[] { "html", "text", "headers", "links", "codes" })
        {
            await TimedAsync(view, async () =>
            {
                using var response = await host.Http.GetAsync($"api/v1/messages/{id}/{view}", Token);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"/{view}: {(int)response.StatusCode}");
                await response.Content.ReadAsByteArrayAsync(Token);
            });
        }
        await TimedAsync("IMAP BODYSTRUCTURE", () => ImapStructureAsync(id));
        await sampling.CancelAsync();
        await sampler;
        return (detail!, peak - baseline);
    }

    private async Task ImapStructureAsync(long id)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", host.ImapPort!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("anyone", "any password", Token);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        var summaries = await client.Inbox.FetchAsync([new UniqueId((uint)id)], MessageSummaryItems.BodyStructure | MessageSummaryItems.Envelope | MessageSummaryItems.Size, Token);
        Assert.Single(summaries);
        Assert.NotNull(summaries[0].Body);
        await client.DisconnectAsync(true, Token);
    }

    private static async Task TimedAsync(string what, Func<Task> view)
    {
        var watch = Stopwatch.StartNew();
        await view();
        Assert.True(watch.Elapsed < ViewBound, $"{what} took {watch.Elapsed.TotalSeconds:F1} s");
    }
}
