using System.Text;
using BotAssistant.Web.Channels.DirectLine.Conversations;

namespace BotAssistant.Web.Tests.Channels;

public class PackedJsonTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\",\"text\":\"巫山县·就业见习补贴：每人每月1300元；见习期满留用率达到50%以上的，可提高至每人每月1500元\"}")]
    public void What_is_packed_unpacks_to_the_same_bytes(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(bytes, PackedJson.Pack(bytes).Unpack());
    }

    [Fact]
    public void A_reply_is_held_in_fewer_bytes_than_its_json()
    {
        var reply = Encoding.UTF8.GetBytes(
            "{\"type\":\"message\",\"from\":{\"id\":\"bot\"},\"text\":\"" + string.Concat(Enumerable.Repeat("条件：吸纳就业见习人员。", 20)) + "\"}");
        Assert.True(PackedJson.Pack(reply).Length < reply.Length / 2);
    }
}
