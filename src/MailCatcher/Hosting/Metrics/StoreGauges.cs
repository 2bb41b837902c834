using System.Diagnostics.Metrics;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Outbox;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Hosting.Metrics;

/// <summary>
/// Gauges read at scrape time: messages stored, the database's size on disk, outbox entries by state.
/// Nothing is counted between scrapes; each scrape costs two small indexed queries.
/// </summary>
internal sealed class StoreGauges : IDisposable
{
    public const string MeterName = "MailCatcher.Store";

    private static readonly string[] OutboxStates = ["queued", "sending", "sent", "deferred", "failed"];

    private readonly Meter _meter;

    public StoreGauges(IMeterFactory meters, MailQueries queries, OutboxStore outbox, DatabaseLocation database, ILogger<StoreGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("mailcatcher.messages.stored", () => Read(() => queries.CountAsync(CancellationToken.None).GetAwaiter().GetResult().Messages, 0),
            "{message}", "Messages in the store now");
        _meter.CreateObservableGauge("mailcatcher.db.size", () => database.SizeBytes, "By", "The database file and its write-ahead log, on disk");
        _meter.CreateObservableGauge("mailcatcher.outbox.entries", () =>
        {
            var counts = Read(() => outbox.CountByStateAsync(CancellationToken.None).GetAwaiter().GetResult(), new Dictionary<string, int>());
            return OutboxStates.Select(state => new Measurement<int>(counts.GetValueOrDefault(state), new KeyValuePair<string, object?>("state", state)));
        }, "{entry}", "Relay outbox entries by state");

        T Read<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
#pragma warning disable CA1031 // A scrape must not fail because the store is busy or closing; the gauge is just absent once.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogDebug(e, "A metrics gauge could not read the store");
                return fallback;
            }
        }
    }

    public void Dispose() => _meter.Dispose();
}
