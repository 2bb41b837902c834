using System.Text;
using MailCatcher.Hosting.Security;

namespace MailCatcher.CommandLine;

/// <summary>
/// <c>mailcatcher hash-password [NAME [ROLE]]</c>: reads a password (typed without echo at a
/// terminal, else the first line of standard input) and prints the PBKDF2 hash that
/// <c>--ui-users-file</c> takes, or a whole <c>NAME:HASH[:ROLE]</c> line when a name is given.
/// </summary>
internal static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.WriteLine("Usage: mailcatcher hash-password [NAME [admin|reader]] < password");
            output.WriteLine($"Prints {PasswordHash.Prefix}$ITERATIONS$SALT$HASH (PBKDF2-HMAC-SHA256, {PasswordHash.DefaultIterations:N0} iterations, 16-byte salt),");
            output.WriteLine("or NAME:HASH[:ROLE] when a name is given: one line of a --ui-users-file.");
            return 0;
        }
        if (args.Count > 2 || (args.Count == 2 && !AccessRoles.TryParse(args[1], out _)) || (args.Count > 0 && args[0].Contains(':', StringComparison.Ordinal)))
        {
            error.WriteLine("Usage: mailcatcher hash-password [NAME [admin|reader]]; the name may not contain ':'.");
            return 2;
        }
        var password = Console.IsInputRedirected || !ReferenceEquals(input, Console.In) ? input.ReadLine() : Prompt(error);
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given: type one, or pipe it in (printf '%s\\n' \"$PASSWORD\" | mailcatcher hash-password).");
            return 2;
        }
        var hash = PasswordHash.Create(password);
        output.WriteLine(args.Count switch
        {
            0 => hash,
            1 => $"{args[0]}:{hash}",
            _ => $"{args[0]}:{hash}:{args[1].ToLowerInvariant()}",
        });
        return 0;
    }

    /// <summary>Reads a password at the terminal without showing it.</summary>
    private static string Prompt(TextWriter error)
    {
        error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
                continue;
            }
            if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        error.WriteLine();
        return password.ToString();
    }
}
