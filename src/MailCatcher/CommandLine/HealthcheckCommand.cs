using System.Globalization;

namespace MailCatcher.CommandLine;

/// <summary>
/// <c>mailcatcher healthcheck [--url URL]</c>: asks a running MailCatcher's <c>/healthz</c> and
/// exits 0 on 200, 1 otherwise. The Docker image's HEALTHCHECK runs it, since the runtime-deps
/// image has no curl. By default it asks 127.0.0.1 on the configured HTTP port
/// (<c>MAILCATCHER_Http__Port</c>, else 1080).
/// </summary>
internal static class HealthcheckCommand
{
    public const string Name = "healthcheck";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var port = Environment.GetEnvironmentVariable("MAILCATCHER_Http__Port") is { Length: > 0 } configured ? configured : "1080";
        var url = args is ["--url", var given] ? given : string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/healthz");
        if (args.Length > 0 && args is not ["--url", _])
        {
            await output.WriteLineAsync("usage: mailcatcher healthcheck [--url http://127.0.0.1:1080/healthz]");
            return 2;
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(new Uri(url));
            await output.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await output.WriteLineAsync($"{url}: {e.Message}");
            return 1;
        }
    }
}
