using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;

namespace MailCatcher.Tests.Imap;

/// <summary>
/// Every message of tests/corpus/messages sent in over SMTP and read back over IMAP: BODY[]
/// equals the stored raw bytes, ENVELOPE and BODYSTRUCTURE parse in MailKit (a real client), and every
/// part's BODY[part] has the size BODYSTRUCTURE announces.
/// </summary>
public class ImapCorpusTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The repository's copy of the corpus (tests/corpus), so CI on a fresh clone runs this too.</summary>
    private static string CorpusFolder() => Path.Combine(Infrastructure.Corpus.Folder, "messages");

    [Fact]
    public async Task Every_corpus_message_is_served_byte_exact_with_an_envelope_and_bodystructure_mailkit_accepts()
    {
        var folder = CorpusFolder();
        var files = Directory.GetFiles(folder!, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 300, $"only {files.Count} corpus files found");
        await TestMail.SendRawAsync(_host, files.Select(File.ReadAllBytes));

        var page = await _host.GetJsonAsync<MessagePageDto>($"api/v1/messages?limit=1000");
        Assert.Equal(files.Count, page!.Total);
        var ids = page.Messages.Select(m => m.Id).Order().ToList();

        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", _host.ImapPort!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("corpus", "any", Token);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        Assert.Equal(files.Count, client.Inbox.Count);

        var summaries = await client.Inbox.FetchAsync(0, -1,
            MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure | MessageSummaryItems.Size | MessageSummaryItems.InternalDate | MessageSummaryItems.Flags,
            Token);
        Assert.Equal(ids.Select(id => (uint)id), summaries.Select(s => s.UniqueId.Id));
        var failures = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            var summary = summaries[i];
            var name = Path.GetRelativePath(folder!, files[i]);
            if (summary.Envelope is null || summary.Body is null)
            {
                failures.Add($"{name}: no envelope or body structure");
                continue;
            }
            var raw = await _host.Http.GetByteArrayAsync($"api/v1/messages/{ids[i]}/raw", Token);
            await using var stream = await client.Inbox.GetStreamAsync(summary.UniqueId, "", Token);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, Token);
            if (!raw.AsSpan().SequenceEqual(bytes.ToArray()))
            {
                failures.Add($"{name}: BODY[] differs from the stored bytes ({bytes.Length} vs {raw.Length})");
            }
            if (summary.Size != (uint)raw.Length)
            {
                failures.Add($"{name}: RFC822.SIZE {summary.Size} but {raw.Length} octets stored");
            }
            // Each leaf part's BODY[part] holds exactly the octets its BODYSTRUCTURE announces.
            foreach (var part in Leaves(summary.Body).Where(p => !string.IsNullOrEmpty(p.PartSpecifier)).Take(40))
            {
                await using var section = await client.Inbox.GetStreamAsync(summary.UniqueId, part.PartSpecifier, Token);
                if (section.Length != part.Octets)
                {
                    failures.Add($"{name}: BODY[{part.PartSpecifier}] has {section.Length} octets, BODYSTRUCTURE says {part.Octets}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<BodyPartBasic> Leaves(BodyPart part)
    {
        switch (part)
        {
            case BodyPartMultipart multipart:
                foreach (var leaf in multipart.BodyParts.SelectMany(Leaves))
                {
                    yield return leaf;
                }
                break;
            case BodyPartBasic basic:
                yield return basic;
                break;
        }
    }
}
