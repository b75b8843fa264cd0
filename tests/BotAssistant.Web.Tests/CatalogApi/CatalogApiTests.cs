using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.CatalogApi;

/// <summary>The catalog API answers as the documents say; every figure here is the catalog's, read through the host.</summary>
public sealed class CatalogApiTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Searching_jishan_site_rent_ranks_the_jishan_site_rent_subsidy_first()
    {
        var search = await GetJson("/api/catalog/search?q=" + Uri.EscapeDataString("稷山 场地租赁"));

        var results = search.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Equal("js-changdi", results[0].GetProperty("measure").GetProperty("id").GetString());
        Assert.All(results, r => Assert.Equal("稷山", r.GetProperty("measure").GetProperty("place").GetString()));
        Assert.Equal(["稷山"], search.GetProperty("places").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Searching_internship_subsidy_and_retention_rate_finds_the_tiered_traineeship_subsidies()
    {
        var search = await GetJson("/api/catalog/search?q=" + Uri.EscapeDataString("实习补贴 留用率"));

        var top = search.GetProperty("results").EnumerateArray().Take(3).Select(r => r.GetProperty("measure")).ToList();
        Assert.All(top, m => Assert.Equal("jianxi", m.GetProperty("topic").GetString()));
        Assert.Contains(top, m => m.GetProperty("id").GetString() == "pl-jianxi");
    }

    [Fact]
    public async Task Searching_veteran_tax_finds_the_tax_deduction_for_hiring_veterans_first()
    {
        var search = await GetJson("/api/catalog/search?q=" + Uri.EscapeDataString("退伍 税"));

        var first = search.GetProperty("results")[0].GetProperty("measure");
        Assert.Contains("退役士兵", first.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("税", first.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pingliang_job_expansion_grant_shows_its_figure_clause_document_and_end()
    {
        var m = await GetJson("/api/catalog/measures/pl-kuogang?asOf=2026-12-01");

        Assert.Equal("（五）", m.GetProperty("clause").GetString());
        Assert.Equal("平政办发〔2023〕75号", m.GetProperty("document").GetProperty("number").GetString());
        Assert.Equal("1500元/人", m.GetProperty("amount").GetProperty("headline").GetString());
        Assert.Equal(1500m, m.GetProperty("amount").GetProperty("figure").GetDecimal());
        Assert.Equal("ended", m.GetProperty("period").GetProperty("status").GetString());
        Assert.Equal("执行期至2023年12月31日，已于该日结束", m.GetProperty("period").GetProperty("statusText").GetString());
        Assert.Equal("pl-xina", m.GetProperty("limits").GetProperty("exclusiveWith")[0].GetProperty("id").GetString());
        var common = m.GetProperty("materials").EnumerateArray().Where(x => x.GetProperty("source").GetString() == "common").ToList();
        Assert.NotEmpty(common);
        Assert.All(common, x => Assert.Contains("非本文件或国家规定", x.GetProperty("sourceText").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_measure_is_in_force_on_a_date_inside_its_period()
    {
        var m = await GetJson("/api/catalog/measures/pl-kuogang?asOf=2023-10-01");

        Assert.Equal("inForce", m.GetProperty("period").GetProperty("status").GetString());
        Assert.Equal("执行期至2023年12月31日", m.GetProperty("period").GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task Comparing_traineeship_subsidies_shows_pingliang_linxia_and_wushan_figures()
    {
        var compare = await GetJson("/api/catalog/compare/jianxi?asOf=2023-10-01");

        var places = compare.GetProperty("places").EnumerateArray().ToDictionary(p => p.GetProperty("place").GetString()!);
        Assert.Equal(["平凉", "临夏", "稷山", "巫山", "泾源"], places.Keys);
        foreach (var place in new[] { "平凉", "临夏", "巫山" })
        {
            Assert.Contains(places[place].GetProperty("measures").EnumerateArray(),
                x => x.GetProperty("amount").TryGetProperty("figure", out var f) && f.GetDecimal() > 0);
        }

        var pl = places["平凉"].GetProperty("measures").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "pl-jianxi");
        Assert.Equal("1000–1500元/人·月", pl.GetProperty("amount").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Evaluating_three_graduates_hired_gives_the_engine_formula()
    {
        var body = new
        {
            measure = "pl-kuogang",
            asOf = "2023-10-01",
            facts = new Dictionary<string, object> { ["hired_group"] = "graduate", ["contract_years"] = 1, ["social_insurance_months"] = 2, ["hired_count"] = 3 },
        };

        var result = (await PostJson("/api/catalog/evaluate", body)).GetProperty("results")[0];

        Assert.Equal("eligible", result.GetProperty("status").GetString());
        Assert.Equal("1500元/人 × 3人 = 4500元", result.GetProperty("amount").GetProperty("formula").GetString());
        Assert.Equal(4500m, result.GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_count_stays_unknown_and_is_named_as_missing()
    {
        var body = new { measure = "pl-kuogang", asOf = "2023-10-01", facts = new { hired_group = "graduate" } };

        var result = (await PostJson("/api/catalog/evaluate", body)).GetProperty("results")[0];

        Assert.Equal("undetermined", result.GetProperty("status").GetString());
        Assert.False(result.GetProperty("amount").TryGetProperty("value", out _));
        var missing = result.GetProperty("missing").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Contains("hired_count", missing);
        Assert.Contains("contract_years", missing);
    }

    [Fact]
    public async Task Screening_all_employer_measures_of_a_place_settles_the_exclusive_pair()
    {
        var body = new
        {
            place = "平凉", audience = "employer", asOf = "2023-10-01",
            facts = new Dictionary<string, object> { ["hired_group"] = "graduate", ["contract_years"] = 1, ["social_insurance_months"] = 2, ["hired_count"] = 3 },
        };

        var evaluation = await PostJson("/api/catalog/evaluate", body);

        var results = evaluation.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count > 1);
        Assert.All(results, r => Assert.Equal("平凉", r.GetProperty("measure").GetProperty("place").GetString()));
        Assert.Contains(results, r => r.GetProperty("measure").GetProperty("id").GetString() == "pl-kuogang");
    }

    [Theory]
    [InlineData("/api/catalog/measures/no-such-measure", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog/measures/pl-kuogang?asOf=2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/measures/pl-kuogang?asOf=tomorrow", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/compare/no-such-topic", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog/search?q=", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/search?q=x&limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/measures?place=北京", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog/measures?audience=cat", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/measures?audience=99", HttpStatusCode.BadRequest)]
    [InlineData("/api/catalog/facts?measure=nope", HttpStatusCode.NotFound)]
    public async Task Bad_queries_get_a_problem_with_a_chinese_title(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        await AssertProblem(response, status);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"facts\":{\"hired_count\":\"three\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"facts\":{\"hired_group\":\"martian\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"facts\":{\"no_such_fact\":1}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"facts\":{\"age\":-3}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"facts\":{\"hired_count\":[3]}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"asOf\":\"2023/10/01\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"pl-kuogang\",\"colour\":\"red\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"facts\":{}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"measure\":\"nope\"}", HttpStatusCode.NotFound)]
    [InlineData("{\"place\":\"北京\"}", HttpStatusCode.NotFound)]
    public async Task Bad_evaluate_bodies_get_a_problem_never_a_server_error(string json, HttpStatusCode status)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/catalog/evaluate", UriKind.Relative), content);

        await AssertProblem(response, status);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var title = problem.RootElement.GetProperty("title").GetString() ?? "";
        Assert.Contains(title, c => c >= '\u4E00' && c <= '\u9FFF');
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> PostJson(string url, object body)
    {
        var response = await _client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
