using System.Diagnostics;
using System.Globalization;

namespace MailCatcher.Bench;

/// <summary>Times a call repeatedly after a warm-up and reports the median and 95th percentile.</summary>
internal static class Latency
{
    public static async Task<(double Median, double P95)> MeasureAsync(Func<Task> call, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            await call();
        }
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)]);
    }

    public static string Format(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(7) + " ms";
}
