using System.Globalization;

namespace MailCatcher.SoakBench;

/// <summary>One interval of the soak: memory, database size, counts and sorted latencies (ms) of each client.</summary>
internal sealed record SoakSample(double Seconds, double ResidentMegabytes, double DatabaseMegabytes, long Sent, long Failed,
    double[] Smtp, double[] Hub, double[] Api, double[] Imap, string Load)
{
    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    public static double Max(double[] sorted) => sorted.Length == 0 ? double.NaN : sorted[^1];

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{Seconds:F0},{ResidentMegabytes:F1},{DatabaseMegabytes:F1},{Sent},{Failed},{Percentile(Smtp, 0.5):F1},{Percentile(Smtp, 0.99):F1},{Max(Smtp):F1},{Percentile(Hub, 0.5):F1},{Percentile(Hub, 0.99):F1},{Percentile(Api, 0.5):F1},{Max(Api):F1},{Percentile(Imap, 0.5):F1},{Max(Imap):F1},{Load}");
}
