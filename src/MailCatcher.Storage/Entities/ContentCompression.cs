namespace MailCatcher.Storage.Entities;

/// <summary>How a stored blob is compressed. Values are persisted: never renumber.</summary>
public enum ContentCompression
{
    None = 0,
    Brotli = 1,
}
