using System.IO.Pipelines;

namespace MailCatcher.Protocols.Tests;

/// <summary>A connection's two pipes for a session under test: what the client sends, what the server writes.</summary>
internal sealed class TestDuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
