using System.Globalization;
using System.Net;
using System.Text;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Corpus;

/// <summary>
/// Every message of the real-world corpus goes in over SMTP and comes back out byte-exact,
/// summarised and viewable: once through DATA (which imposes CRLF line endings) and once
/// through BDAT (which carries the file's bytes untouched).
/// </summary>
public class CorpusIngestTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync("--max-messages", "0");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_corpus_message_sent_with_DATA_is_stored_with_only_CRLF_normalisation()
    {
        var ids = await SendAllAsync(useBdat: false);

        var mismatches = new List<string>();
        foreach (var ((name, bytes), id) in Infrastructure.Corpus.Messages.Zip(ids))
        {
            var stored = await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
            if (!stored.AsSpan().SequenceEqual(Infrastructure.Corpus.WithCrlfLineEndings(bytes)))
            {
                mismatches.Add(name);
            }
        }
        Assert.Empty(mismatches);
        Assert.Equal(392, ids.Count);
    }

    [Fact]
    public async Task Every_corpus_message_sent_with_BDAT_is_stored_byte_exact_and_is_viewable()
    {
        var ids = await SendAllAsync(useBdat: true);

        var problems = new List<string>();
        foreach (var ((name, bytes), id) in Infrastructure.Corpus.Messages.Zip(ids))
        {
            var stored = await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
            if (!stored.AsSpan().SequenceEqual(bytes))
            {
                problems.Add($"{name}: stored bytes differ");
            }
            using var detail = await _host.Http.GetAsync($"api/v1/messages/{id}", TestContext.Current.CancellationToken);
            if (detail.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{name}: detail answered {(int)detail.StatusCode}");
            }
        }
        Assert.Empty(problems);
        var page = await _host.GetJsonAsync<MessagePageDto>("api/v1/messages?limit=1");
        Assert.Equal(Infrastructure.Corpus.Messages.Count, page!.Total);
    }

    /// <summary>Sends the corpus over a few sessions, several messages per session, returning ids in corpus order.</summary>
    private async Task<List<long>> SendAllAsync(bool useBdat)
    {
        var ids = new List<long>();
        var messages = Infrastructure.Corpus.Messages;
        for (var start = 0; start < messages.Count; start += 50)
        {
            var (wire, _) = await SmtpWire.ConnectAsync(_host.SmtpPort);
            await using (wire)
            {
                Assert.StartsWith("250", await wire.CommandAsync("EHLO corpus.test"));
                foreach (var (name, bytes) in messages.Skip(start).Take(50))
                {
                    Assert.StartsWith("250", await wire.CommandAsync("MAIL FROM:<corpus@example.test>"));
                    Assert.StartsWith("250", await wire.CommandAsync("RCPT TO:<inbox@example.test>"));
                    string reply;
                    if (useBdat)
                    {
                        await wire.SendRawAsync([.. Encoding.ASCII.GetBytes($"BDAT {bytes.Length} LAST\r\n"), .. bytes]);
                        reply = await wire.ReadReplyAsync();
                    }
                    else
                    {
                        Assert.StartsWith("354", await wire.CommandAsync("DATA"));
                        await wire.SendRawAsync(Infrastructure.Corpus.DotStuffed(Infrastructure.Corpus.WithCrlfLineEndings(bytes)));
                        reply = await wire.ReadReplyAsync();
                    }
                    Assert.True(reply.StartsWith("250 2.0.0 OK: queued as ", StringComparison.Ordinal), $"{name}: {reply}");
                    ids.Add(long.Parse(reply.Split(' ')[^1], CultureInfo.InvariantCulture));
                }
                await wire.CommandAsync("QUIT");
            }
        }
        return ids;
    }
}
