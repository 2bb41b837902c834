using System.Text;
using MailCatcher.Core.Mime;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Api;

/// <summary>
/// <c>GET /api/v1/messages/{id}/headers</c> lists the top-level header block as received: every
/// field, <c>Content-*</c> included (MimeKit files those under the body entity), in order.
/// </summary>
public sealed class HeadersApiTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Content_fields_are_listed_where_they_stand_in_the_raw_block()
    {
        const string raw = "Received: from client (client [127.0.0.1])\n"
            + "From: App <app@example.com>\n"
            + "Content-Type: text/plain; charset=utf-8\n"
            + "To: bob@example.com\n"
            + "MIME-Version: 1.0\n"
            + "Content-Transfer-Encoding: quoted-printable\n"
            + "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\n"
            + "Content-Language: de\n"
            + "X-Trace: one\n"
            + "\n"
            + "Hallo =C3=BC\n";
        await TestMail.SendRawAsync(_host, [Encoding.ASCII.GetBytes(raw)]);
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;

        var headers = await _host.GetJsonAsync<List<HeaderDto>>($"api/v1/messages/{id}/headers");

        Assert.Equal(
            ["Received", "From", "Content-Type", "To", "MIME-Version", "Content-Transfer-Encoding", "Subject", "Content-Language", "X-Trace"],
            headers!.Select(h => h.Name));
        Assert.Contains(new HeaderDto("Content-Type", "text/plain; charset=utf-8"), headers!);
        Assert.Contains(new HeaderDto("Subject", "Grüße"), headers!);
    }

    [Fact]
    public async Task A_message_without_content_fields_lists_no_invented_ones()
    {
        await TestMail.SendRawAsync(_host, [Encoding.ASCII.GetBytes("From: a@example.com\nSubject: plain\n\nbody\n")]);
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;

        var headers = await _host.GetJsonAsync<List<HeaderDto>>($"api/v1/messages/{id}/headers");

        Assert.Equal(["From", "Subject"], headers!.Select(h => h.Name));
    }

    /// <summary>
    /// Every corpus message with a well-formed header block: the names MessageView lists are the
    /// raw block's field names, in order (RFC 5322 §2.2). A block with lines that are not fields (no
    /// colon, no empty line before the body) has no single right answer, and is listed as MimeKit reads it.
    /// </summary>
    [Fact]
    public void Every_corpus_message_lists_its_raw_header_block()
    {
        var checkedCount = 0;
        foreach (var (name, bytes) in Infrastructure.Corpus.Messages)
        {
            using var view = MessageView.Load(new MemoryStream(bytes));
            if (view.Message is null || !IsWellFormed(bytes))
            {
                continue;
            }
            checkedCount++;
            Assert.True(RawFieldNames(bytes).SequenceEqual(view.Headers.Select(h => h.Name)), $"{name}: {string.Join(",", view.Headers.Select(h => h.Name))}");
        }
        Assert.True(checkedCount > Infrastructure.Corpus.Messages.Count / 2, $"only {checkedCount} of {Infrastructure.Corpus.Messages.Count} checked");
    }

    private static bool IsWellFormed(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.Latin1);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            // A field name is printable ASCII without spaces (RFC 5322 §2.2); an mbox "From " line is not one.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line[0] is not (' ' or '\t') && (colon <= 0 || line[..colon].TrimEnd().Any(c => c <= ' ' || c > '~')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Field names of the header block: up to the first empty line, continuation lines skipped.</summary>
    private static List<string> RawFieldNames(byte[] bytes)
    {
        var names = new List<string>();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.Latin1);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            if (line[0] is ' ' or '\t')
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                names.Add(line[..colon].TrimEnd());
            }
        }
        return names;
    }
}
