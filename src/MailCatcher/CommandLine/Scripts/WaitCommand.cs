using System.Globalization;

namespace MailCatcher.CommandLine.Scripts;

/// <summary><c>mailcatcher wait QUERY [--timeout S] [--since TIME|ID] [--count N]</c>: blocks until the mail is there; exit 1 on timeout.</summary>
internal static class WaitCommand
{
    public static ScriptCommand Command { get; } = new(
        "wait",
        """
        Usage: mailcatcher wait [QUERY] [--timeout SECONDS] [--since TIME|ID] [--count N] [--json] [--url URL] [--token TOKEN]
          Waits until COUNT messages match QUERY (the server wakes the call as they arrive),
          then prints them like list does.
          --timeout SECONDS  give up after this long (default 30, at most 300)
          --since TIME|ID    count only messages received after an ISO 8601 time or a message id
          --count N          how many messages to wait for (default 1)
        Exit: 0 arrived, 1 timed out, 2 usage, 3 unreachable, 4 unauthorized, 5 server error.
        """,
        new HashSet<string>(StringComparer.Ordinal) { "--timeout", "--since", "--count" },
        new HashSet<string>(StringComparer.Ordinal),
        RunAsync);

    private static async Task<int> RunAsync(ScriptArguments args, Client.MailCatcherClient client, ScriptConsole console, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 1)
        {
            await console.Error.WriteLineAsync("wait takes one QUERY; quote it: mailcatcher wait \"to:ann@example.com subject:reset\"");
            return ScriptExitCodes.Usage;
        }
        if (args.Number("--timeout", 30, 0, 300, out var error) is not { } timeout || args.Number("--count", 1, 1, 1000, out error) is not { } count)
        {
            await console.Error.WriteLineAsync(error);
            return ScriptExitCodes.Usage;
        }
        var query = args.Positional.FirstOrDefault();
        var since = args.Option("--since");
        IReadOnlyList<Client.Models.MessageSummary> messages;
        if (since is null)
        {
            messages = await client.WaitAsync(query, TimeSpan.FromSeconds(timeout), null, count, cancellationToken);
        }
        else if (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var sinceId))
        {
            messages = await client.WaitAsync(query, TimeSpan.FromSeconds(timeout), sinceId, count, cancellationToken);
        }
        else if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceTime))
        {
            messages = await client.WaitAsync(query, TimeSpan.FromSeconds(timeout), sinceTime, count, cancellationToken);
        }
        else
        {
            await console.Error.WriteLineAsync($"--since must be an ISO 8601 time or a message id; it was '{since}'.");
            return ScriptExitCodes.Usage;
        }
        if (args.Json)
        {
            await ScriptOutput.WriteJsonAsync(console.Out, messages);
        }
        else
        {
            foreach (var message in messages)
            {
                await console.Out.WriteLineAsync(ScriptOutput.Line(message));
            }
        }
        return ScriptExitCodes.Ok;
    }
}
