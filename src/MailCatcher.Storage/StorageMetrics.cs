using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MailCatcher.Storage;

/// <summary>
/// Ingest instruments, recorded where a message is stored (for SMTP, the send API and bounces alike).
/// System.Diagnostics.Metrics only: the host decides whether anything listens.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "MailCatcher.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("mailcatcher.messages.received", "{message}", "Messages stored");

    private static readonly Counter<long> Bytes = Meter.CreateCounter<long>("mailcatcher.messages.received.size", "By", "Bytes of the messages stored (raw, before compression)");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("mailcatcher.ingest.commit.duration", "s",
        "From handing a prepared message to the writer to its durable commit: the wait before the 250 reply",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });

    /// <summary>Records one stored message; <paramref name="startTimestamp"/> is <see cref="Stopwatch.GetTimestamp"/> before it was queued.</summary>
    internal static void MessageStored(long size, long startTimestamp)
    {
        Messages.Add(1);
        Bytes.Add(size);
        if (CommitDuration.Enabled)
        {
            CommitDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }
}
