using System.Net;
using MailCatcher.Client.Models;

namespace MailCatcher.Client;

/// <summary>
/// The MailCatcher API answered with an error. <see cref="Problem"/> holds its RFC 7807 problem
/// details; the message reads like "404 Not found: There is no message 42.".
/// </summary>
public sealed class MailCatcherApiException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public MailCatcherApiException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public MailCatcherApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MailCatcherApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error answer.</summary>
    public MailCatcherApiException(HttpStatusCode statusCode, ProblemDetails? problem)
        : base(Describe(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem details, when the server sent them.</summary>
    public ProblemDetails? Problem { get; }

    /// <summary>True for a <c>wait</c> that timed out (408) before enough messages arrived.</summary>
    public bool IsTimeout => StatusCode == HttpStatusCode.RequestTimeout;

    private static string Describe(HttpStatusCode statusCode, ProblemDetails? problem)
    {
        var title = problem?.Title ?? statusCode.ToString();
        return problem?.Detail is { Length: > 0 } detail ? $"{(int)statusCode} {title}: {detail}" : $"{(int)statusCode} {title}";
    }
}
