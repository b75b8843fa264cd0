using System.Collections.Concurrent;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Process-wide counters for /metrics. Latency goes into fixed buckets (milliseconds) so percentiles cost constant
/// memory however many turns were served; the percentile is the upper bound of the bucket it falls in.
/// </summary>
public sealed class TurnMetrics
{
    private static readonly double[] Bounds = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, double.PositiveInfinity];
    private readonly long[] _buckets = new long[Bounds.Length];
    private readonly ConcurrentDictionary<string, long> _measures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _channels = new(StringComparer.Ordinal);
    private long _turns;
    private long _notUnderstood;
    private long _failed;
    private long _rateLimited;
    private long _latencySumMicros;

    public void RecordTurn(string channel, TimeSpan latency, bool notUnderstood, bool failed, IEnumerable<string> measureIds)
    {
        ArgumentNullException.ThrowIfNull(measureIds);
        Interlocked.Increment(ref _turns);
        Interlocked.Add(ref _latencySumMicros, (long)(latency.TotalMilliseconds * 1000));
        Interlocked.Increment(ref _buckets[BucketOf(latency.TotalMilliseconds)]);
        _channels.AddOrUpdate(channel, 1, (_, n) => n + 1);
        if (notUnderstood)
        {
            Interlocked.Increment(ref _notUnderstood);
        }

        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }

        foreach (var id in measureIds)
        {
            _measures.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }

    public void RecordRateLimited() => Interlocked.Increment(ref _rateLimited);

    public MetricsSnapshot Snapshot(int topMeasures = 10)
    {
        var counts = _buckets.Select(b => Interlocked.Read(ref b)).ToArray();
        var turns = Interlocked.Read(ref _turns);
        return new MetricsSnapshot(
            turns,
            Interlocked.Read(ref _failed),
            Interlocked.Read(ref _rateLimited),
            Interlocked.Read(ref _notUnderstood),
            turns == 0 ? 0 : Math.Round((double)Interlocked.Read(ref _notUnderstood) / turns, 4),
            new LatencySnapshot(
                turns == 0 ? 0 : Math.Round(Interlocked.Read(ref _latencySumMicros) / 1000.0 / turns, 2),
                Percentile(counts, 0.50),
                Percentile(counts, 0.90),
                Percentile(counts, 0.99),
                Bounds.Select((bound, i) => new LatencyBucket(double.IsInfinity(bound) ? null : bound, counts[i])).ToList()),
            _channels.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value),
            _measures.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal).Take(topMeasures)
                .Select(m => new MeasureCount(m.Key, m.Value)).ToList());
    }

    private static int BucketOf(double milliseconds)
    {
        var i = 0;
        while (milliseconds > Bounds[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>The upper bound of the bucket holding the q-th turn; null when there were none or it is past the last bound.</summary>
    private static double? Percentile(long[] counts, double q)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return double.IsInfinity(Bounds[i]) ? null : Bounds[i];
            }
        }

        return null;
    }
}

public sealed record LatencyBucket(double? LeMilliseconds, long Count);

public sealed record LatencySnapshot(double MeanMilliseconds, double? P50Milliseconds, double? P90Milliseconds, double? P99Milliseconds, IReadOnlyList<LatencyBucket> Buckets);

public sealed record MeasureCount(string Id, long Count);

public sealed record MetricsSnapshot(
    long Turns, long FailedTurns, long RateLimited, long NotUnderstood, double NotUnderstoodRate,
    LatencySnapshot Latency, IReadOnlyDictionary<string, long> TurnsByChannel, IReadOnlyList<MeasureCount> MostAskedMeasures);
