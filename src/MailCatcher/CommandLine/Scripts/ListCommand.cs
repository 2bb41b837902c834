namespace MailCatcher.CommandLine.Scripts;

/// <summary><c>mailcatcher list [QUERY] [--limit N]</c>: messages newest first; exit 1 when none match.</summary>
internal static class ListCommand
{
    public static ScriptCommand Command { get; } = new(
        "list",
        """
        Usage: mailcatcher list [QUERY] [--limit N] [--json] [--url URL] [--token TOKEN]
          Lists messages newest first (all, or those matching QUERY in the search language),
          one line each: ID, received (UTC), from, to, subject, tab-separated.
          --limit N   at most N messages (default 50, at most 1000)
        Exit: 0 found, 1 none, 2 usage, 3 unreachable, 4 unauthorized, 5 server error.
        """,
        new HashSet<string>(StringComparer.Ordinal) { "--limit" },
        new HashSet<string>(StringComparer.Ordinal),
        RunAsync);

    private static async Task<int> RunAsync(ScriptArguments args, Client.MailCatcherClient client, ScriptConsole console, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 1)
        {
            await console.Error.WriteLineAsync("list takes one QUERY; quote it: mailcatcher list \"to:ann@example.com subject:reset\"");
            return ScriptExitCodes.Usage;
        }
        if (args.Number("--limit", 50, 1, 1000, out var error) is not { } limit)
        {
            await console.Error.WriteLineAsync(error);
            return ScriptExitCodes.Usage;
        }
        var page = await client.ListAsync(args.Positional.FirstOrDefault(), 0, limit, cancellationToken);
        if (args.Json)
        {
            await ScriptOutput.WriteJsonAsync(console.Out, page);
        }
        else
        {
            foreach (var message in page.Messages)
            {
                await console.Out.WriteLineAsync(ScriptOutput.Line(message));
            }
        }
        return page.Total == 0 ? ScriptExitCodes.NothingFound : ScriptExitCodes.Ok;
    }
}
