using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Tests.Schema;

public class UniqueIdsTests
{
    [Fact]
    public void Ids_from_many_threads_are_all_different_and_look_like_guids()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                ids.Add(UniqueIds.Next());
            }
        });

        Assert.Equal(80_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids.Take(100), id => Assert.Matches("^[0-9a-f]{32}$", id));
    }
}
