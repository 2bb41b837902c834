namespace MailCatcher.Client.Models;

/// <summary>The decoded content of one MIME part.</summary>
/// <param name="ContentType">The media type the server gave it.</param>
/// <param name="FileName">The file name from Content-Disposition, when there is one.</param>
/// <param name="Content">The decoded bytes.</param>
#pragma warning disable CA1819 // A part's bytes are the payload a test asserts on; an array is the natural shape.
public sealed record MessagePart(string? ContentType, string? FileName, byte[] Content);
#pragma warning restore CA1819
