namespace MailCatcher.CommandLine.Scripts;

/// <summary><c>mailcatcher delete [QUERY]</c>: deletes every message, or those matching; exit 1 when none did.</summary>
internal static class DeleteCommand
{
    public static ScriptCommand Command { get; } = new(
        "delete",
        """
        Usage: mailcatcher delete [QUERY] [--json] [--url URL] [--token TOKEN]
          Deletes every message, or every message matching QUERY, and prints how many.
        Exit: 0 deleted some, 1 none matched, 2 usage, 3 unreachable, 4 unauthorized, 5 server error.
        """,
        new HashSet<string>(StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal),
        RunAsync);

    private static async Task<int> RunAsync(ScriptArguments args, Client.MailCatcherClient client, ScriptConsole console, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 1)
        {
            await console.Error.WriteLineAsync("delete takes one QUERY; quote it: mailcatcher delete \"from:noreply@example.com\"");
            return ScriptExitCodes.Usage;
        }
        var deleted = await client.DeleteAllAsync(args.Positional.FirstOrDefault(), cancellationToken);
        if (args.Json)
        {
            await ScriptOutput.WriteJsonAsync(console.Out, new { deleted });
        }
        else
        {
            await console.Out.WriteLineAsync(deleted == 1 ? "deleted 1 message" : $"deleted {deleted} messages");
        }
        return deleted == 0 ? ScriptExitCodes.NothingFound : ScriptExitCodes.Ok;
    }
}
