using MailCatcher.Core.Mailbox;
using MailCatcher.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MailCatcher.Tests.Imap;

/// <summary>MailKit's ImapClient against a real host (RFC 3501).</summary>
public class ImapEndToEndTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", _host.ImapPort!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("anyone", "any password", Token);
        return client;
    }

    private async Task<List<MessageSummaryDto>> ApiMessagesAsync() =>
        [.. (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.OrderBy(m => m.Id)];

    private Task<byte[]> RawAsync(long id) => _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", Token);

    [Fact]
    public async Task Rfc3501_uids_are_message_ids_and_body_is_the_stored_raw_bytes()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("first"), TestMail.Simple("second"));
        var stored = await ApiMessagesAsync();
        using var client = await ConnectAsync();
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, Token);

        Assert.Equal(2, inbox.Count);
        var summaries = await inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Size | MessageSummaryItems.InternalDate | MessageSummaryItems.BodyStructure, Token);
        Assert.Equal(stored.Select(m => (uint)m.Id), summaries.Select(s => s.UniqueId.Id));
        Assert.Equal(["first", "second"], summaries.Select(s => s.Envelope!.Subject));
        Assert.Equal(stored.Select(m => (uint)m.Size), summaries.Select(s => s.Size!.Value));
        Assert.Equal("alice@example.com", summaries[0].Envelope!.From.Mailboxes.Single().Address);
        Assert.Equal("text/plain", summaries[0].Body!.ContentType.MimeType);
        foreach (var message in stored)
        {
            await using var stream = await inbox.GetStreamAsync(new UniqueId((uint)message.Id), "", Token);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, Token);
            Assert.Equal(await RawAsync(message.Id), bytes.ToArray());
        }
        Assert.Equal(await _host.Services.GetRequiredService<IMailboxStore>().GetUidValidityAsync(Token), inbox.UidValidity);
    }

    [Fact]
    public async Task Rfc3501_section6_4_5_partial_fetch_returns_the_requested_octets()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("partial", body: string.Concat(Enumerable.Repeat("0123456789", 50))));
        var id = (await ApiMessagesAsync()).Single().Id;
        var raw = await RawAsync(id);
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);

        await using var stream = await client.Inbox.GetStreamAsync(new UniqueId((uint)id), "", 100, 57, Token);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, Token);

        Assert.Equal(raw.AsSpan(100, 57).ToArray(), bytes.ToArray());
    }

    [Fact]
    public async Task Rfc3501_body_peek_leaves_unseen_and_body_sets_seen_in_the_web_inbox()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("read me"));
        var id = (await ApiMessagesAsync()).Single().Id;
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite, Token);

        await client.Inbox.GetBodyPartAsync(new UniqueId((uint)id), (await client.Inbox.FetchAsync([new UniqueId((uint)id)], MessageSummaryItems.BodyStructure, Token))[0].TextBody!, Token);
        Assert.False((await ApiMessagesAsync()).Single().IsRead); // MailKit fetches with BODY.PEEK

        await client.Inbox.GetMessageAsync(new UniqueId((uint)id), Token); // BODY.PEEK[] too
        Assert.False((await ApiMessagesAsync()).Single().IsRead);

        await client.Inbox.AddFlagsAsync(new UniqueId((uint)id), MessageFlags.Seen, true, Token);
        Assert.True((await ApiMessagesAsync()).Single().IsRead);

        await client.Inbox.RemoveFlagsAsync(new UniqueId((uint)id), MessageFlags.Seen, true, Token);
        Assert.False((await ApiMessagesAsync()).Single().IsRead);
    }

    [Fact]
    public async Task Read_state_changed_elsewhere_reaches_the_imap_client_as_a_flags_fetch()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("watched"));
        var id = (await ApiMessagesAsync()).Single().Id;
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite, Token);
        var changed = new List<MessageFlags>();
        client.Inbox.MessageFlagsChanged += (_, e) => changed.Add(e.Flags);

        // What the web inbox does when a user opens the message: the store publishes MessageUpdated.
        await _host.Services.GetRequiredService<IMailboxStore>().SetReadAsync([id], true, Token);
        await client.NoOpAsync(Token);

        Assert.Contains(MessageFlags.Seen, changed);
    }

    [Fact]
    public async Task Rfc3501_section6_4_4_search_by_subject_from_seen_and_uid_ranges()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("invoice 1"), TestMail.Simple("welcome"), TestMail.Simple("invoice 2"));
        var ids = (await ApiMessagesAsync()).Select(m => (uint)m.Id).ToList();
        await _host.Services.GetRequiredService<IMailboxStore>().SetReadAsync([ids[0]], true, Token);
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);

        Assert.Equal([ids[0], ids[2]], (await client.Inbox.SearchAsync(SearchQuery.SubjectContains("INVOICE"), Token)).Select(u => u.Id));
        Assert.Equal(ids, (await client.Inbox.SearchAsync(SearchQuery.FromContains("alice@example.com"), Token)).Select(u => u.Id));
        Assert.Equal([ids[1], ids[2]], (await client.Inbox.SearchAsync(SearchQuery.NotSeen, Token)).Select(u => u.Id));
        Assert.Equal([ids[2]], (await client.Inbox.SearchAsync(SearchQuery.NotSeen.And(SearchQuery.SubjectContains("invoice")), Token)).Select(u => u.Id));
        Assert.Equal([ids[0], ids[1]], (await client.Inbox.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(ids[0]), new UniqueId(ids[1]))), Token)).Select(u => u.Id));
        Assert.Equal(ids, (await client.Inbox.SearchAsync(SearchQuery.DeliveredAfter(DateTime.UtcNow.AddDays(-2)), Token)).Select(u => u.Id));
        Assert.Empty(await client.Inbox.SearchAsync(SearchQuery.DeliveredBefore(DateTime.UtcNow.AddDays(-2)), Token));
        Assert.Equal([ids[1]], (await client.Inbox.SearchAsync(SearchQuery.Not(SearchQuery.SubjectContains("invoice").Or(SearchQuery.Seen)), Token)).Select(u => u.Id));
    }

    [Fact]
    public async Task Rfc3501_section6_4_3_deleted_flag_and_expunge_delete_from_mailcatcher()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("keep"), TestMail.Simple("remove"));
        var ids = (await ApiMessagesAsync()).Select(m => (uint)m.Id).ToList();
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite, Token);
        var expunged = new List<int>();
        client.Inbox.MessageExpunged += (_, e) => expunged.Add(e.Index);

        await client.Inbox.AddFlagsAsync(new UniqueId(ids[1]), MessageFlags.Deleted, true, Token);
        Assert.Equal(2, (await ApiMessagesAsync()).Count);
        var flags = await client.Inbox.FetchAsync([new UniqueId(ids[1])], MessageSummaryItems.Flags, Token);
        Assert.True(flags[0].Flags!.Value.HasFlag(MessageFlags.Deleted));
        await client.Inbox.ExpungeAsync(Token);

        Assert.Equal([1], expunged);
        Assert.Equal("keep", Assert.Single(await ApiMessagesAsync()).Subject);
        Assert.Equal(1, client.Inbox.Count);
    }

    [Fact]
    public async Task Messages_deleted_elsewhere_are_reported_as_expunge_at_the_next_noop()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("a"), TestMail.Simple("b"), TestMail.Simple("c"));
        var ids = (await ApiMessagesAsync()).Select(m => m.Id).ToList();
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        var expunged = new List<int>();
        client.Inbox.MessageExpunged += (_, e) => expunged.Add(e.Index);

        await _host.Services.GetRequiredService<IMailboxStore>().DeleteAsync([ids[0], ids[2]], Token);
        await client.NoOpAsync(Token);

        Assert.Equal([2, 0], expunged); // highest sequence number first
        Assert.Equal(1, client.Inbox.Count);
        var left = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope, Token);
        Assert.Equal("b", left.Single().Envelope!.Subject);
    }

    [Fact]
    public async Task Rfc2177_idle_announces_mail_delivered_over_smtp()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Inbox.CountChanged += (_, _) => arrived.TrySetResult(client.Inbox.Count);
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token, Token);

        await TestMail.SendAsync(_host, TestMail.Simple("pushed"));
        var count = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await done.CancelAsync();
        await idle;

        Assert.Equal(1, count);
        var summary = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope, Token);
        Assert.Equal("pushed", summary.Single().Envelope!.Subject);
    }

    [Fact]
    public async Task Rfc3501_list_status_and_unknown_mailboxes()
    {
        await TestMail.SendAsync(_host, TestMail.Simple("x"));
        using var client = await ConnectAsync();
        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], cancellationToken: Token);
        Assert.Equal("INBOX", Assert.Single(folders).FullName);
        await client.Inbox.StatusAsync(StatusItems.Count | StatusItems.Unread | StatusItems.UidNext | StatusItems.UidValidity, Token);
        Assert.Equal(1, client.Inbox.Count);
        Assert.Equal(1, client.Inbox.Unread);
        Assert.True(client.Inbox.UidNext!.Value.Id > (uint)(await ApiMessagesAsync()).Single().Id);
        await Assert.ThrowsAsync<FolderNotFoundException>(() => client.GetFolderAsync("Trash", Token));
    }

    [Fact]
    public async Task Rfc3501_section2_3_1_1_uidvalidity_and_uids_survive_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailcatcher-test-{Guid.NewGuid():N}.db");
        uint validity;
        List<uint> uids;
        await using (var first = await TestHost.StartAsync(path))
        {
            first.KeepDatabase = true;
            await TestMail.SendAsync(first, TestMail.Simple("persisted"));
            (validity, uids) = await ReadInboxAsync(first);
        }
        await using var second = await TestHost.StartAsync(path);
        var (validityAgain, uidsAgain) = await ReadInboxAsync(second);
        Assert.Equal(validity, validityAgain);
        Assert.Equal(uids, uidsAgain);
    }

    private static async Task<(uint Validity, List<uint> Uids)> ReadInboxAsync(TestHost host)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", host.ImapPort!.Value, MailKit.Security.SecureSocketOptions.None, Token);
        await client.AuthenticateAsync("u", "p", Token);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Token);
        var uids = (await client.Inbox.SearchAsync(SearchQuery.All, Token)).Select(u => u.Id).ToList();
        return (client.Inbox.UidValidity, uids);
    }
}
