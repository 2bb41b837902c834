namespace MailCatcher.CommandLine;

/// <summary>
/// The command line of <c>mailcatcher sendmail</c>, read the way sendmail(8) and Postfix's
/// sendmail(1) read theirs, so the command lines that PHP (<c>sendmail -t -i</c>), cron,
/// git send-email (<c>-i -f sender recipients…</c>) and mail(1) build work unchanged.
/// </summary>
internal sealed record SendmailArguments
{
    public const string DefaultSmtpAddress = "127.0.0.1:1025";

    /// <summary>Where to deliver: <c>--smtp-addr host:port</c>, else MAILCATCHER_SMTP_ADDR, else 127.0.0.1:1025.</summary>
    public string SmtpAddress { get; init; } = DefaultSmtpAddress;

    /// <summary><c>-t</c>: take recipients from the To, Cc and Bcc headers too (and remove Bcc).</summary>
    public bool RecipientsFromHeaders { get; init; }

    /// <summary><c>-i</c> / <c>-oi</c>: a line holding only "." does not end the message.</summary>
    public bool IgnoreDots { get; init; }

    /// <summary><c>-f</c> / <c>-r</c>: the envelope sender (MAIL FROM), null for the user's own address.</summary>
    public string? Sender { get; init; }

    /// <summary><c>-F</c>: the sender's full name, used when the message has no From header.</summary>
    public string? FullName { get; init; }

    /// <summary><c>-v</c>: print the SMTP conversation on standard error.</summary>
    public bool Verbose { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Options that take a value and are accepted without effect (DSN, queue, config file…).</summary>
    private const string IgnoredWithValue = "BCLNRVXhpq";

    /// <summary>Switches accepted without effect: -G (gateway), -U (initial submission), -m, -n, -x.</summary>
    private const string IgnoredSwitches = "GUmnx";

    /// <summary>Parses the arguments after <c>sendmail</c>; a mistake is a <see cref="SendmailException"/> with EX_USAGE.</summary>
    public static SendmailArguments Parse(IReadOnlyList<string> args, string? smtpAddressFromEnvironment)
    {
        var result = new SendmailArguments { SmtpAddress = string.IsNullOrEmpty(smtpAddressFromEnvironment) ? DefaultSmtpAddress : smtpAddressFromEnvironment };
        var recipients = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                recipients.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--smtp-addr", StringComparison.Ordinal))
            {
                result = result with { SmtpAddress = LongValue(arg, "--smtp-addr", args, ref i) };
                continue;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                recipients.Add(arg);
                continue;
            }
            // Single-letter options may be grouped (-ti); one that takes a value ends the group and
            // takes the rest of the argument, or the next argument (-fbob@x or -f bob@x).
            for (var j = 1; j < arg.Length; j++)
            {
                var letter = arg[j];
                var rest = arg[(j + 1)..];
                switch (letter)
                {
                    case 't': result = result with { RecipientsFromHeaders = true }; continue;
                    case 'i': result = result with { IgnoreDots = true }; continue;
                    case 'v': result = result with { Verbose = true }; continue;
                    case 'f' or 'r': result = result with { Sender = Value(letter, rest, args, ref i) }; break;
                    case 'F': result = result with { FullName = Value(letter, rest, args, ref i) }; break;
                    case 'o': result = ApplyOption(result, rest.Length > 0 ? rest : Value(letter, rest, args, ref i)); break;
                    case 'O': _ = Value(letter, rest, args, ref i); break;
                    case 'e': break;   // -e x is -oe x: how to report errors; we always print them.
                    case 'b': CheckMode(rest); break;
                    case 'd': break;   // -dX: sendmail's debug flags, unused.
                    default:
                        if (IgnoredSwitches.Contains(letter, StringComparison.Ordinal))
                        {
                            continue;
                        }
                        if (IgnoredWithValue.Contains(letter, StringComparison.Ordinal))
                        {
                            _ = Value(letter, rest, args, ref i);
                            break;
                        }
                        throw new SendmailException(SendmailExitCodes.Usage, $"sendmail: unknown option -{letter}");
                }
                break;
            }
        }
        return result with { Recipients = recipients };
    }

    /// <summary><c>-oX</c>: only <c>-oi</c> changes anything; -oem, -oep, -odi, -odb, -om… are accepted.</summary>
    private static SendmailArguments ApplyOption(SendmailArguments arguments, string option) =>
        option == "i" ? arguments with { IgnoreDots = true } : arguments;

    /// <summary>
    /// <c>-bm</c> (deliver, the default) is the only mode: <c>-bs</c> (SMTP on standard input),
    /// <c>-bp</c> (print the queue), <c>-bd</c> (daemon) and the rest have no meaning here.
    /// </summary>
    private static void CheckMode(string mode)
    {
        if (mode is not ("m" or ""))
        {
            throw new SendmailException(SendmailExitCodes.Usage, $"sendmail: mode -b{mode} is not supported; mailcatcher sendmail only delivers (-bm)");
        }
    }

    private static string Value(char letter, string rest, IReadOnlyList<string> args, ref int i)
    {
        if (rest.Length > 0)
        {
            return rest;
        }
        if (i + 1 < args.Count)
        {
            return args[++i];
        }
        throw new SendmailException(SendmailExitCodes.Usage, $"sendmail: option -{letter} needs a value");
    }

    private static string LongValue(string arg, string name, IReadOnlyList<string> args, ref int i)
    {
        if (arg.Length > name.Length && arg[name.Length] == '=')
        {
            return arg[(name.Length + 1)..];
        }
        if (arg.Length == name.Length && i + 1 < args.Count)
        {
            return args[++i];
        }
        throw new SendmailException(SendmailExitCodes.Usage, $"sendmail: {name} needs a value (host:port)");
    }
}
