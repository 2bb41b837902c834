using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Pop3;

/// <summary>POP3 clients that are not ours: Python's standard poplib and curl's pop3:// URLs.</summary>
public sealed class Pop3ForeignClientTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private const string PoplibScript = """
        import poplib, sys
        pop = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=20)
        pop.user("tester")
        pop.pass_("anything")
        count, size = pop.stat()
        print("STAT", count, size)
        print("UIDL", " ".join(u.decode().split()[1] for u in pop.uidl()[1]))
        lines = pop.retr(1)[1]
        print("SUBJECT", [l.decode() for l in lines if l.startswith(b"Subject:")][0])
        print("DOTS", [l.decode() for l in lines if l.startswith(b".")])
        top = pop.top(1, 0)[1]
        print("TOPLINES", len(top), b"Subject: from python" in top)
        pop.dele(1)
        pop.quit()
        """;

    [Fact]
    public async Task Python_poplib_reads_unstuffs_and_deletes()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Python), "python3 is not installed");
        await TestMail.SendAsync(_host, TestMail.Simple("from python", body: "a\r\n.dotted line\r\nb"));
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;

        var run = await ExternalTool.RunAsync(ExternalTool.Python, ["-", _host.Pop3Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], PoplibScript);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("STAT 1 ", lines[0]);
        Assert.Equal($"UIDL {id}", lines[1]);
        Assert.Equal("SUBJECT Subject: from python", lines[2]);
        Assert.Equal("DOTS ['.dotted line']", lines[3]);
        Assert.EndsWith("True", lines[4]);
        Assert.Equal(0, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Fact]
    public async Task Curl_lists_and_retrieves_over_pop3_urls()
    {
        Assert.SkipUnless(ExternalTool.Exists(ExternalTool.Curl), "curl is not installed");
        await TestMail.SendAsync(_host, TestMail.Simple("from curl"));
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages.Single().Id;
        var url = $"pop3://127.0.0.1:{_host.Pop3Port}/";

        var list = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "-u", "tester:any", url]);
        var retr = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "-u", "tester:any", url + "1"]);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Matches(@"^1 \d+\r?\n$", list.Output);
        Assert.True(retr.ExitCode == 0, retr.Error);
        var raw = await _host.Http.GetStringAsync($"api/v1/messages/{id}/raw", TestContext.Current.CancellationToken);
        Assert.Equal(raw, retr.Output);
    }
}
