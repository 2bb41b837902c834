using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MailCatcher.CommandLine.Scripts;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Integrations;

/// <summary><c>mailcatcher list|wait|show|delete</c> against a running host: output, <c>--json</c> and exit codes.</summary>
public sealed class ScriptCommandsTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private sealed record Run(int Exit, string Out, string Error, byte[] Raw);

    /// <summary>Runs <c>mailcatcher COMMAND --url HOST ARGS…</c>.</summary>
    private Task<Run> RunAsync(params string[] args) => RunWithEnvironmentAsync([], [args[0], "--url", _host.Http.BaseAddress!.ToString(), .. args[1..]]);

    private static async Task<Run> RunWithEnvironmentAsync(Dictionary<string, string> environment, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var raw = new MemoryStream();
        var exit = await ScriptCommands.RunAsync(args, new ScriptConsole(output, error, raw, name => environment.GetValueOrDefault(name)), Ct);
        return new Run(exit, output.ToString(), error.ToString(), raw.ToArray());
    }

    [Fact]
    public async Task List_prints_one_tab_separated_line_per_message_and_exits_1_when_none_match()
    {
        await _host.SendAsync("app@example.com", "ann@example.com", "First", "x");
        await _host.SendAsync("app@example.com", "bob@example.com", "Second\u001b[31mline", "x");

        var all = await RunAsync("list");
        Assert.Equal(0, all.Exit);
        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var fields = lines[0].Split('\t');
        Assert.Equal(5, fields.Length);
        Assert.Equal(("app@example.com", "bob@example.com"), (fields[2], fields[3]));
        Assert.Equal("Second [31mline", fields[4]); // an escape sequence cannot recolour the terminal

        var one = await RunAsync("list", "to:ann@example.com", "--json");
        Assert.Equal(0, one.Exit);
        using var json = JsonDocument.Parse(one.Out);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("First", json.RootElement.GetProperty("messages")[0].GetProperty("subject").GetString());

        Assert.Equal(1, (await RunAsync("list", "to:nobody@example.com")).Exit);
    }

    [Fact]
    public async Task Wait_returns_when_the_message_arrives_and_exits_1_on_timeout()
    {
        var waiting = RunAsync("wait", "to:late@example.com subject:reset", "--timeout", "30");
        await Task.Delay(300, Ct);
        await _host.SendAsync("app@example.com", "late@example.com", "Password reset", "Your code is 123456");
        var arrived = await waiting;
        Assert.Equal(0, arrived.Exit);
        Assert.EndsWith("\tPassword reset", arrived.Out.TrimEnd(), StringComparison.Ordinal);

        var timedOut = await RunAsync("wait", "to:never@example.com", "--timeout", "1");
        Assert.Equal(1, timedOut.Exit);
        Assert.Contains("Timed out", timedOut.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_message_its_raw_bytes_text_links_and_codes()
    {
        await _host.SendAsync("app@example.com", "ann@example.com", "Verify", "Your verification code is 731902. Open https://example.com/verify?t=1",
            "<p>Your verification code is 731902.</p><a href=\"https://example.com/verify?t=1\">Verify now</a>");
        var id = (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Messages[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var summary = await RunAsync("show", id);
        Assert.Equal(0, summary.Exit);
        Assert.Contains("Subject:  Verify", summary.Out, StringComparison.Ordinal);
        Assert.Contains("731902", summary.Out, StringComparison.Ordinal);

        var raw = await RunAsync("show", id, "--raw");
        Assert.Equal(await _host.Http.GetByteArrayAsync($"api/v1/messages/{id}/raw", Ct), raw.Raw);
        Assert.Equal("731902", (await RunAsync("show", id, "--codes")).Out.Split('\n')[0].Trim());
        Assert.Contains("https://example.com/verify?t=1\tVerify now", (await RunAsync("show", id, "--links")).Out, StringComparison.Ordinal);
        Assert.Contains("Your verification code", (await RunAsync("show", id, "--text")).Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse((await RunAsync("show", id, "--codes", "--json")).Out);
        Assert.Equal("731902", json.RootElement[0].GetProperty("code").GetString());

        Assert.Equal(1, (await RunAsync("show", "999999")).Exit);
    }

    [Fact]
    public async Task Delete_removes_matching_messages_and_exits_1_when_none_did()
    {
        await _host.SendAsync("app@example.com", "ann@example.com", "Keep", "x");
        await _host.SendAsync("noreply@example.com", "ann@example.com", "Drop", "x");

        var deleted = await RunAsync("delete", "from:noreply@example.com");
        Assert.Equal((0, "deleted 1 message"), (deleted.Exit, deleted.Out.Trim()));
        Assert.Equal(1, (await RunAsync("delete", "from:noreply@example.com")).Exit);
        Assert.Equal(1, (await _host.GetJsonAsync<MessagePageDto>("api/v1/messages"))!.Total);
    }

    [Theory]
    [InlineData(new[] { "list", "--bogus" }, "Unknown option")]
    [InlineData(new[] { "wait", "--timeout", "soon" }, "--timeout must be")]
    [InlineData(new[] { "show", "abc" }, "one message ID")]
    [InlineData(new[] { "show", "1", "--raw", "--text" }, "at most one")]
    [InlineData(new[] { "list", "subject:\"unclosed" }, "malformed")]
    public async Task Usage_errors_exit_2_with_a_sentence(string[] args, string expected)
    {
        var run = await RunAsync(args);
        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3_and_MAILCATCHER_URL_is_the_default()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on now

        var run = await RunWithEnvironmentAsync(new() { ["MAILCATCHER_URL"] = $"http://127.0.0.1:{port}" }, ["list"]);
        Assert.Equal(3, run.Exit);
        Assert.Contains($"127.0.0.1:{port}", run.Error, StringComparison.Ordinal);

        await _host.SendAsync("app@example.com", "ann@example.com", "Via env", "x");
        var viaEnvironment = await RunWithEnvironmentAsync(new() { ["MAILCATCHER_URL"] = _host.Http.BaseAddress!.ToString() }, ["list"]);
        Assert.Equal(0, viaEnvironment.Exit);
        Assert.Contains("Via env", viaEnvironment.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_with_the_exit_codes()
    {
        var run = await RunAsync("wait", "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("Exit: 0 arrived, 1 timed out", run.Out, StringComparison.Ordinal);
    }
}
