namespace MailCatcher.Client.Models;

/// <summary>An RFC 7807 problem as the server sent it.</summary>
/// <param name="Type">A URI that names the kind of problem.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong, in words.</param>
public sealed record ProblemDetails(string? Type, string? Title, int? Status, string? Detail);
