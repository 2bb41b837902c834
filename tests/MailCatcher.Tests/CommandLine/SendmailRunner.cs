using System.Diagnostics;
using MailCatcher.Tests.Infrastructure;

namespace MailCatcher.Tests.CommandLine;

/// <summary>Runs <c>mailcatcher sendmail</c> as its own process, as PHP, cron or git would, and reads what it captured.</summary>
internal static class SendmailRunner
{
    /// <summary>The host's build output sits next to the tests: MailCatcher.dll, and its apphost on Linux and macOS.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "MailCatcher.dll");

    public static string AppHost => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "MailCatcher.exe" : "MailCatcher");

    /// <summary>A shell command line that runs <c>mailcatcher sendmail</c> with <paramref name="args"/> (for sendmail_path and --sendmail-cmd).</summary>
    public static string ShellCommand(params string[] args) => $"dotnet '{Dll}' sendmail {string.Join(' ', args)}";

    public static async Task<ExternalTool.Result> RunAsync(byte[] stdin, IReadOnlyDictionary<string, string>? environment, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ExternalTool.Result(process.ExitCode, await output, await error);
    }

    /// <summary><c>dotnet MailCatcher.dll sendmail --smtp-addr 127.0.0.1:PORT args…</c> with <paramref name="stdin"/>.</summary>
    public static Task<ExternalTool.Result> SendmailAsync(int smtpPort, byte[] stdin, params string[] args) =>
        RunAsync(stdin, null, "dotnet", [Dll, "sendmail", "--smtp-addr", $"127.0.0.1:{smtpPort}", .. args]);

    /// <summary>The one message in the store, as its summary and its exact bytes.</summary>
    public static async Task<(MessageSummaryDto Summary, byte[] Raw)> OnlyMessageAsync(TestHost host)
    {
        var page = await host.GetJsonAsync<MessagePageDto>("api/v1/messages");
        var summary = Assert.Single(page!.Messages);
        var raw = await host.Http.GetByteArrayAsync($"api/v1/messages/{summary.Id}/raw", TestContext.Current.CancellationToken);
        return (summary, raw);
    }
}
