using System.Globalization;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Imap;

/// <summary>IMAP clients that are not ours: Python's standard imaplib and curl's imap:// URLs.</summary>
public sealed class ImapForeignClientTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private const string ImaplibScript = """
        import imaplib, sys, email
        imap = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]), timeout=20)
        imap.login("tester", "any password")
        typ, data = imap.select("INBOX")
        print("SELECT", typ, data[0].decode())
        typ, data = imap.uid("SEARCH", None, "UNSEEN", "SUBJECT", "python")
        uid = data[0].decode()
        print("SEARCH", uid)
        typ, data = imap.uid("FETCH", uid, "(BODY.PEEK[] ENVELOPE BODYSTRUCTURE)")
        raw = data[0][1]
        sys.stdout.buffer.write(b"SIZE " + str(len(raw)).encode() + b"\n")
        print("SUBJECT", email.message_from_bytes(raw)["Subject"])
        typ, data = imap.uid("STORE", uid, "+FLAGS", r"(\Seen \Flagged)")
        print("STORE", typ, data[0].decode())
        typ, data = imap.uid("STORE", uid, "+FLAGS", r"(\Deleted)")
        typ, data = imap.expunge()
        print("EXPUNGE", typ, data[0].decode())
        imap.logout()
        """;

    [Fact]
    public async Task Python_imaplib_searches_fetches_flags_and_expunges()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Python), "python3 is not installed");
        await TestMail.SendAsync(_host, TestMail.Simple("other"), TestMail.Simple("from python"));
        var messages = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages;
        var target = messages.Single(m => m.Subject == "from python");

        var run = await ExternalTool.RunAsync(ExternalTool.Python, ["-", _host.ImapPort!.Value.ToString(CultureInfo.InvariantCulture)], ImaplibScript);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("SELECT OK 2", lines[0]);
        Assert.Equal($"SEARCH {target.Id}", lines[1]);
        Assert.Equal($"SIZE {target.Size}", lines[2]);
        Assert.Equal("SUBJECT from python", lines[3]);
        Assert.Equal($"STORE OK 2 (UID {target.Id} FLAGS (\\Seen \\Flagged))", lines[4]);
        Assert.Equal("EXPUNGE OK 2", lines[5]);
        Assert.Equal("other", Assert.Single((await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages).Subject);
    }

    [Fact]
    public async Task Curl_fetches_a_message_by_uid_and_searches_over_imap_urls()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Curl), "curl is not installed");
        await TestMail.SendAsync(_host, TestMail.Simple("from curl"));
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;
        var url = $"imap://127.0.0.1:{_host.ImapPort}/INBOX";

        var fetch = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "-u", "tester:any", $"{url};UID={id}"]);
        var search = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "-u", "tester:any", $"{url}?SUBJECT%20curl"]);

        Assert.True(fetch.ExitCode == 0, fetch.Error);
        var raw = await _host.Http.GetStringAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
        Assert.Equal(raw, fetch.Output);
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Equal("* SEARCH 1", search.Output.TrimEnd());
    }
}
