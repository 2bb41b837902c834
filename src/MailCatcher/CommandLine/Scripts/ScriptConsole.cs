namespace MailCatcher.CommandLine.Scripts;

/// <summary>Where a script command writes and what environment it reads; tests give their own.</summary>
internal sealed record ScriptConsole(TextWriter Out, TextWriter Error, Stream RawOut, Func<string, string?> Environment)
{
    public static ScriptConsole Standard { get; } = new(Console.Out, Console.Error, Console.OpenStandardOutput(), System.Environment.GetEnvironmentVariable);
}
