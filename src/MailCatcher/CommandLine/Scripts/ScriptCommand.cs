using MailCatcher.Client;

namespace MailCatcher.CommandLine.Scripts;

/// <summary>One script subcommand: its name, usage text, the options it takes and what it does.</summary>
internal sealed record ScriptCommand(
    string Name,
    string Usage,
    IReadOnlySet<string> ValueOptions,
    IReadOnlySet<string> Switches,
    Func<ScriptArguments, MailCatcherClient, ScriptConsole, CancellationToken, Task<int>> RunAsync);
