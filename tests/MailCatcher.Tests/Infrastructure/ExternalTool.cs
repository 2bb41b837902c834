using System.Diagnostics;

namespace MailCatcher.Tests.Infrastructure;

/// <summary>Runs a client that is not ours (Python's poplib/imaplib, curl) and captures what it printed.</summary>
public static class ExternalTool
{
    public const string Python = "/usr/bin/python3";
    public const string Curl = "/usr/bin/curl";

    public sealed record Result(int ExitCode, string Output, string Error);

    public static bool Exists(string path) => File.Exists(path);

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>, <paramref name="stdin"/> as input, within 60 seconds.</summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
