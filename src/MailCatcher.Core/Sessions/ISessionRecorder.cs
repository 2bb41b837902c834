namespace MailCatcher.Core.Sessions;

/// <summary>Records protocol sessions and their transcripts. Implemented by storage.</summary>
public interface ISessionRecorder
{
    /// <summary>Records that a session began and returns its id, which messages of the session refer to.</summary>
    Task<long> StartAsync(SessionStart start, CancellationToken cancellationToken);

    /// <summary>Records how the session ended, with its transcript.</summary>
    Task EndAsync(SessionEnd session, CancellationToken cancellationToken);
}
