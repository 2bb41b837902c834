using System.Text.Json;
using System.Threading.Channels;
using MailCatcher.Core.Events;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Inboxes;
using MailCatcher.Storage.Queries;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MailCatcher.Storage.Fanout;

/// <summary>
/// Several instances on one PostgreSQL database (issue 14): what one instance's writer announces
/// on its <see cref="MailEventBus"/> (new, changed and deleted messages) is sent to the others with
/// <c>NOTIFY mailcatcher_events</c>, and what the others send is read with <c>LISTEN</c> and
/// announced here, so the SignalR hub, the web UI, <c>wait</c> and IMAP IDLE of every instance
/// see every instance's mail. Inboxes created or deleted elsewhere update this instance's
/// <see cref="InboxDirectory"/> (routing, AUTH, tokens) before they are announced. No broker: PostgreSQL delivers a notice to every listening session
/// as soon as the sending one's statement commits; the receiver then reads the row (docs/ARCHITECTURE.md
/// gives the delay). Nothing happens on SQLite.
/// </summary>
public sealed class PostgresFanout(DatabaseLocation location, MailEventBus events, MailQueries queries, InboxDirectory inboxes, ILogger<PostgresFanout> logger) : BackgroundService
{
    private const string ChannelName = "mailcatcher_events";

    /// <summary>Ids per notice: well inside NOTIFY's 8,000-byte payload.</summary>
    private const int IdsPerNotice = 400;

    [ThreadStatic]
    private static bool t_relaying;

    private readonly Channel<FanoutNotice> _outgoing = Channel.CreateUnbounded<FanoutNotice>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>This process among the instances.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!location.IsPostgres)
        {
            return;
        }
        using var subscription = events.Subscribe(Forward);
        await Task.WhenAll(SendLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken));
    }

    /// <summary>Queues a local change for the others; a change that came from them is not sent back.</summary>
    private void Forward(MailEvent mailEvent)
    {
        if (t_relaying)
        {
            return;
        }
        switch (mailEvent)
        {
            case MessageReceived received:
                _outgoing.Writer.TryWrite(new FanoutNotice(Instance, FanoutNotice.Received, [received.Message.Id]));
                break;
            case MessageUpdated updated:
                _outgoing.Writer.TryWrite(new FanoutNotice(Instance, FanoutNotice.Updated, [updated.Message.Id]));
                break;
            case InboxChanged inbox:
                _outgoing.Writer.TryWrite(new FanoutNotice(Instance, FanoutNotice.Inbox, [inbox.InboxId]));
                break;
            case MessagesDeleted deleted:
                foreach (var chunk in deleted.Ids.Chunk(IdsPerNotice))
                {
                    _outgoing.Writer.TryWrite(new FanoutNotice(Instance, FanoutNotice.Deleted, chunk, deleted.InboxId));
                }
                break;
        }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
        {
            try
            {
                await using var connection = new NpgsqlConnection(location.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                while (_outgoing.Reader.TryRead(out var notice))
                {
                    await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    command.Parameters.AddWithValue("channel", ChannelName);
                    command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(notice));
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The server is away: the others miss these live notices (the mail itself is stored
                // and listed); try again with the next change.
                logger.LogWarning(e, "Could not tell the other instances about a change");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(location.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                var received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
                connection.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Notices sent before this LISTEN (start-up, or a lost connection) never arrive:
                // catch up on the inboxes by reading them all once.
                foreach (var change in await inboxes.SyncAsync(stoppingToken))
                {
                    Publish(change);
                }
                var relay = RelayAsync(received.Reader, stoppingToken);
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                finally
                {
                    // Also when the connection broke: the relay drains what arrived and ends, not waits forever.
                    received.Writer.TryComplete();
                }
                await relay;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                logger.LogWarning(e, "Listening for the other instances' changes failed; listening again in 1 s");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Announces the others' changes here, reading each changed row once.</summary>
    private async Task RelayAsync(ChannelReader<string> payloads, CancellationToken stoppingToken)
    {
        await foreach (var payload in payloads.ReadAllAsync(stoppingToken))
        {
            var notice = JsonSerializer.Deserialize<FanoutNotice>(payload);
            if (notice is null || notice.Instance == Instance)
            {
                continue;
            }
            try
            {
                if (await ToEventAsync(notice, stoppingToken) is { } mailEvent)
                {
                    Publish(mailEvent);
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(e, "Could not read a change another instance announced");
            }
        }
    }

    private async Task<MailEvent?> ToEventAsync(FanoutNotice notice, CancellationToken cancellationToken) => notice.Kind switch
    {
        FanoutNotice.Deleted => new MessagesDeleted(notice.Ids, notice.InboxId),
        FanoutNotice.Inbox => await inboxes.RefreshAsync(notice.Ids[0], cancellationToken),
        FanoutNotice.Received when await queries.GetMessageAsync(notice.Ids[0], cancellationToken) is { } row => new MessageReceived(queries.Map(row)),
        FanoutNotice.Updated when await queries.GetMessageAsync(notice.Ids[0], cancellationToken) is { } row => new MessageUpdated(queries.Map(row)),
        _ => null,
    };

    private void Publish(MailEvent mailEvent)
    {
        // The bus calls its handlers on this thread: the flag keeps Forward from echoing it back.
        t_relaying = true;
        try
        {
            events.Publish(mailEvent);
        }
        finally
        {
            t_relaying = false;
        }
    }
}
