using System.Diagnostics;

namespace BotAssistant.Web.Operations;

/// <summary>
/// What the process holds, for /metrics: resident set, the managed heap as the last GC left it, and what the GC has
/// committed beyond it. Operators compare the three to tell live data from GC headroom from native memory.
/// </summary>
public sealed record ProcessMemory(
    double ResidentMegabytes,
    double ManagedHeapMegabytes,
    double ManagedCommittedMegabytes,
    double ManagedFragmentedMegabytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int Threads)
{
    private const double Megabyte = 1024d * 1024d;

    public static ProcessMemory Read()
    {
        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        return new ProcessMemory(
            Round(process.WorkingSet64),
            Round(info.HeapSizeBytes),
            Round(info.TotalCommittedBytes),
            Round(info.FragmentedBytes),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            process.Threads.Count);
    }

    private static double Round(long bytes) => Math.Round(bytes / Megabyte, 1);
}
