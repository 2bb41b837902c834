namespace MailCatcher.Fuzz;

/// <summary>A harness's own check failed: the parser returned something it promises never to.</summary>
internal sealed class InvariantException(string message) : Exception(message);
