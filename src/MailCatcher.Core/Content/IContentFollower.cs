namespace MailCatcher.Core.Content;

/// <summary>
/// Work done on a large message's bytes while they still arrive: storage compresses them on
/// another core during DATA, instead of after the final dot while the client waits for its 250
/// (issue 16: a 50 MB message). Attached by the spool's creator (<see cref="Messages.IMessageSink.CreateContent"/>);
/// the spool starts it once its content has moved to its file, and only then.
/// </summary>
public interface IContentFollower : IDisposable
{
    /// <summary>The spool has moved to the file at <paramref name="path"/>; bytes will be readable from it as <see cref="Advance"/> says.</summary>
    void Start(string path);

    /// <summary>The first <paramref name="readableLength"/> bytes of the file are written and may be read.</summary>
    void Advance(long readableLength);
}
