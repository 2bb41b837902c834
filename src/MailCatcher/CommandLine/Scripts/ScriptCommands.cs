using System.Net;
using System.Net.Http.Headers;
using MailCatcher.Client;

namespace MailCatcher.CommandLine.Scripts;

/// <summary>
/// The commands for shell scripts (<c>list</c>, <c>wait</c>, <c>show</c>, <c>delete</c>): HTTP calls to a
/// running server through <c>MailCatcher.Client</c>; no web host is started. Failures become exit codes
/// (<see cref="ScriptExitCodes"/>) and one sentence on stderr.
/// </summary>
internal static class ScriptCommands
{
    private static readonly Dictionary<string, ScriptCommand> ByName = new[]
    {
        ListCommand.Command, WaitCommand.Command, ShowCommand.Command, DeleteCommand.Command,
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>True when the first argument names a script command.</summary>
    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && ByName.ContainsKey(args[0]);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ScriptConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var command = ByName[args[0]];
        var parsed = ScriptArguments.Parse([.. args.Skip(1)], command.ValueOptions, command.Switches, out var error);
        if (parsed.Help)
        {
            await console.Out.WriteLineAsync(command.Usage);
            return ScriptExitCodes.Ok;
        }
        var url = error is null ? parsed.ServerUrl(console, out error) : null;
        if (error is not null || url is null)
        {
            await console.Error.WriteLineAsync(error);
            await console.Error.WriteLineAsync(command.Usage);
            return ScriptExitCodes.Usage;
        }
        using var http = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        if (parsed.Token(console) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var client = new MailCatcherClient(http);
        try
        {
            return await command.RunAsync(parsed, client, console, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await console.Error.WriteLineAsync($"Cannot reach MailCatcher at {url}: {e.Message} (set --url or MAILCATCHER_URL)");
            return ScriptExitCodes.Unreachable;
        }
        catch (MailCatcherApiException e)
        {
            var detail = e.Problem?.Detail ?? e.Problem?.Title ?? e.StatusCode.ToString();
            await console.Error.WriteLineAsync(e.IsTimeout ? $"Timed out: {detail}" : detail);
            return e.StatusCode switch
            {
                HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout => ScriptExitCodes.NothingFound,
                HttpStatusCode.BadRequest => ScriptExitCodes.Usage,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ScriptExitCodes.Unauthorized,
                _ => ScriptExitCodes.ServerError,
            };
        }
    }
}
