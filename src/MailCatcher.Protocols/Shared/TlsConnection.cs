using System.IO.Pipelines;
using System.Net.Security;

namespace MailCatcher.Protocols.Shared;

/// <summary>An upgraded connection: the pipes a session reads and writes after STARTTLS/STLS.</summary>
public sealed class TlsConnection : IDisposable
{
    private readonly SslStream _ssl;

    internal TlsConnection(SslStream ssl)
    {
        _ssl = ssl;
        Input = PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true));
        Description = TlsDescription.Of(ssl.SslProtocol, ssl.NegotiatedCipherSuite);
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    /// <summary>Protocol and cipher, for the transcript and the session record.</summary>
    public string Description { get; }

    public void Dispose()
    {
        Input.Complete();
        Output.Complete();
        _ssl.Dispose();
    }
}
