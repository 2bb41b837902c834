namespace MailCatcher.CommandLine.Scripts;

/// <summary>The exit codes of the script commands (<c>list</c>, <c>wait</c>, <c>show</c>, <c>delete</c>), documented in the README.</summary>
internal static class ScriptExitCodes
{
    /// <summary>Done; something was found.</summary>
    public const int Ok = 0;

    /// <summary>Nothing matched, no such message, or <c>wait</c> timed out.</summary>
    public const int NothingFound = 1;

    /// <summary>The command line or the search is wrong.</summary>
    public const int Usage = 2;

    /// <summary>No MailCatcher answers at <c>--url</c>.</summary>
    public const int Unreachable = 3;

    /// <summary>The server refused the credentials (401/403): give <c>--token</c>.</summary>
    public const int Unauthorized = 4;

    /// <summary>The server answered with another error.</summary>
    public const int ServerError = 5;
}
