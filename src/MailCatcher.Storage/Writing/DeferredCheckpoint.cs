using Microsoft.Extensions.Logging;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// Moves SQLite's WAL checkpoint out of the commit of a batch that writes large content. SQLite
/// checkpoints inside COMMIT once the WAL passes <see cref="AutoCheckpointPages"/> pages, so the
/// message whose commit crossed that line waited for its whole WAL to be copied into the database
/// file before its 250: 30-40 ms of a 50 MB message's (13 MB compressed) 110 ms in the writer
/// (issue 16, bench/README.md). For such a batch the automatic checkpoint is off during the
/// commit; disposing this, after the callers have heard back, checkpoints and turns it on again.
/// </summary>
internal sealed class DeferredCheckpoint : IDisposable
{
    /// <summary>SQLite's default (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT), which every other batch keeps.</summary>
    private const int AutoCheckpointPages = 1000;

    private readonly WriterCommands _commands;
    private readonly ILogger _logger;

    private DeferredCheckpoint(WriterCommands commands, ILogger logger)
    {
        _commands = commands;
        _logger = logger;
    }

    /// <summary>Turns the automatic checkpoint off when <paramref name="batch"/> writes large content on SQLite; null otherwise.</summary>
    public static DeferredCheckpoint? For(WriterCommands commands, List<WriteOperation> batch, ILogger logger)
    {
        if (commands.IsPostgres || !batch.Exists(o => o.WritesLargeContent))
        {
            return null;
        }
        // A failure here leaves the automatic checkpoint on: the commit pays for it, as before.
        return Run(commands, "PRAGMA wal_autocheckpoint = 0;", logger) ? new DeferredCheckpoint(commands, logger) : null;
    }

    public void Dispose()
    {
        // PASSIVE: copies what no reader still needs, without waiting for readers (the automatic
        // checkpoint is PASSIVE too); frames left behind are copied by a later checkpoint.
        Run(_commands, "PRAGMA wal_checkpoint(PASSIVE);", _logger);
        Run(_commands, $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages};", _logger);
    }

    private static bool Run(WriterCommands commands, string pragma, ILogger logger)
    {
        try
        {
            using var command = commands.Create(pragma);
            command.ExecuteNonQuery();
            return true;
        }
#pragma warning disable CA1031 // A checkpoint that fails (a full disk) is retried by the next one; the writer must keep running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "{Pragma} failed", pragma);
            return false;
        }
    }
}
