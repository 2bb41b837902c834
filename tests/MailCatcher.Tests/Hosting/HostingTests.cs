using System.Diagnostics;
using System.Net;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.Hosting;

/// <summary>
/// The host as a newcomer meets it: --help, configuration sources, static assets, info and health.
/// Runs alone: one test sets a MAILCATCHER_ environment variable, which every host started in
/// parallel by another class would read too.
/// </summary>
[Collection(ProcessEnvironmentGroup.Name)]
public sealed class HostingTests
{
    [Fact]
    public async Task Help_lists_every_flag_with_its_default()
    {
        var (exitCode, output) = await RunHostAsync(["--help"]);

        Assert.Equal(0, exitCode);
        foreach (var flag in new[] { "--ip", "--http-port", "--smtp-port", "--db", "--max-messages", "--max-message-size", "--smtp-idle-timeout", "--smtp-max-connections" })
        {
            Assert.Contains(flag, output);
        }
        Assert.Contains("default: 1025", output);
        Assert.Contains("default: 10000", output);
    }

    [Fact]
    public async Task An_unknown_flag_is_a_clear_error()
    {
        var (exitCode, output) = await RunHostAsync(["--smtp-prot", "25"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option '--smtp-prot'", output);
    }

    [Fact]
    public async Task Environment_variables_configure_the_host()
    {
        Environment.SetEnvironmentVariable("MAILCATCHER_Smtp__HostName", "env-configured.test");
        try
        {
            await using var host = await TestHost.StartAsync();
            var (wire, greeting) = await SmtpWire.ConnectAsync(host.SmtpPort);
            await wire.DisposeAsync();

            Assert.Equal("220 env-configured.test ESMTP MailCatcher", greeting);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MAILCATCHER_Smtp__HostName", null);
        }
    }

    [Fact]
    public async Task Info_reports_the_bound_ports_and_database_and_health_is_ok()
    {
        await using var host = await TestHost.StartAsync();

        var info = await host.GetJsonAsync<InfoDto>("api/v1/info");

        Assert.Equal(host.SmtpPort, info!.Ports.Smtp);
        Assert.Equal(host.HttpPort, info.Ports.Http);
        Assert.Equal(host.DatabasePath, info.Database.Path);
        Assert.True(info.Database.SizeBytes > 0);
        Assert.Equal(0, info.Messages);
        using var health = await host.Http.GetAsync("healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_and_bad_paging_are_problem_details()
    {
        await using var host = await TestHost.StartAsync();

        foreach (var (path, status) in new[] { ("api/v1/messages/999", 404), ("api/v1/messages/999/raw", 404), ("api/v1/sessions/999", 404), ("api/v1/messages?limit=0", 400), ("api/v1/messages?offset=-1", 400) })
        {
            using var response = await host.Http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Static_assets_from_the_top_level_wwwroot_are_served()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Http.GetAsync("css/app.css", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "wwwroot", "css", "app.css"), TestContext.Current.CancellationToken), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Published_output_carries_the_top_level_wwwroot()
    {
        var output = Path.Combine(Path.GetTempPath(), $"mailcatcher-publish-{Guid.NewGuid():N}");
        try
        {
            // --no-build publishes what the test build already compiled, and no MSBuild node or
            // build server is shared with the `dotnet test` that runs us (a child build that tried
            // to reuse the parent's nodes hung here once).
            var (exitCode, log) = await RunAsync("dotnet", ["publish", Path.Combine(RepositoryRoot(), "src", "MailCatcher"), "--no-build", "-c", Configuration, "-o", output, "--nologo", "-v", "q", "--disable-build-servers", "-nodeReuse:false"], TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, log);

            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "css", "app.css")));
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private sealed record PortsDto(int? Smtp, int? Smtps, int? Http, int? Pop3, int? Imap);

    private sealed record DatabaseDto(string Path, long SizeBytes);

    private sealed record InfoDto(string Version, int Messages, int Unread, int Sessions, DatabaseDto Database, PortsDto Ports);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailCatcher.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("MailCatcher.sln not found");
    }

    private static Task<(int ExitCode, string Output)> RunHostAsync(string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll"), .. args], TimeSpan.FromSeconds(60));

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
