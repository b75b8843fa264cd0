using System.Net;
using System.Text.RegularExpressions;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.Staff;

/// <summary>The staff pages, rendered by the real host, say what the documents say.</summary>
public sealed partial class StaffPageTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Searching_jishan_site_rent_lists_the_jishan_site_rent_subsidy_first_with_amount_and_period()
    {
        var html = await Page("/staff?asOf=2026-12-01&q=" + Uri.EscapeDataString("稷山 场地租赁"));

        var rows = RowIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("js-changdi", rows.FirstOrDefault());
        Assert.Contains("每年最高3000元，最长3年", html, StringComparison.Ordinal);
        Assert.Contains("每年最高3000元 × 最长3年 = 最高9000元", html, StringComparison.Ordinal);
        Assert.Contains("执行期至2028年8月22日", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_expansion_grant_page_shows_figure_clause_document_quote_and_that_it_has_ended()
    {
        var html = await Page("/staff/measures/pl-kuogang?asOf=2026-12-01");

        Assert.Contains("1500元/人", html, StringComparison.Ordinal);
        Assert.Contains("（五）", html, StringComparison.Ordinal);
        Assert.Contains("平政办发〔2023〕75号", html, StringComparison.Ordinal);
        Assert.Contains("按每人1500元标准给予一次性扩岗补助", html, StringComparison.Ordinal);
        Assert.Contains("执行期至2023年12月31日，已于该日结束", html, StringComparison.Ordinal);
        Assert.Contains("不能与 <a href=\"/staff/measures/pl-xina?asOf=2026-12-01\">", html, StringComparison.Ordinal);
        Assert.Contains("各地常见要求", html, StringComparison.Ordinal);
        Assert.Contains("市人社局", html, StringComparison.Ordinal);
        Assert.Contains("http://localhost/staff/measures/pl-kuogang", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparing_traineeship_subsidies_draws_a_bar_for_pingliang_linxia_and_wushan()
    {
        var html = await Page("/staff/compare?topic=jianxi&asOf=2023-10-01");

        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        var labels = BarLabels().Matches(html).Select(m => m.Groups[1].Value).ToList();
        foreach (var place in new[] { "平凉", "临夏", "巫山" })
        {
            Assert.Contains(labels, l => l.StartsWith(place + " · ", StringComparison.Ordinal));
            Assert.Contains($"data-place=\"{place}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_calculator_gives_the_engine_formula_for_three_graduates_hired()
    {
        var html = await Page("/staff/calculator?measure=pl-kuogang&asOf=2023-10-01"
            + "&f.hired_group=graduate&f.contract_years=1&f.social_insurance_months=2&f.hired_count=3");

        Assert.Contains("1500元/人 × 3人 = 4500元", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"eligible\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"graduate\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calculator_form_is_built_from_fact_types_and_unknown_stays_unknown()
    {
        var html = await Page("/staff/calculator?place=平凉&audience=employer&asOf=2023-10-01&f.hired_group=graduate");

        Assert.Contains("<option value=\"\">不知道</option><option value=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"f.hired_count\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"undetermined\"", html, StringComparison.Ordinal);
        Assert.Contains("还需了解：", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/measures/no-such-measure", HttpStatusCode.NotFound)]
    [InlineData("/staff/measures/pl-kuogang?asOf=2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/staff/compare?topic=nothing", HttpStatusCode.NotFound)]
    [InlineData("/staff/calculator?measure=pl-kuogang&f.hired_count=three", HttpStatusCode.BadRequest)]
    [InlineData("/staff/calculator?measure=pl-kuogang&f.hired_group=martian", HttpStatusCode.BadRequest)]
    [InlineData("/staff/calculator?place=北京", HttpStatusCode.NotFound)]
    [InlineData("/staff?asOf=yesterday", HttpStatusCode.BadRequest)]
    public async Task Bad_input_gets_a_chinese_error_page_not_a_server_error(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("class=\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whatever_is_typed_is_shown_encoded()
    {
        var html = await Page("/staff?q=" + Uri.EscapeDataString("<script>alert(1)</script>\"'"));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_print_styles()
    {
        var html = await Page("/staff/measures/pl-kuogang");

        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("class=\"print-url\"", html, StringComparison.Ordinal);
    }

    private async Task<string> Page(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [GeneratedRegex("<tr data-id=\"([^\"]+)\"")]
    private static partial Regex RowIds();

    [GeneratedRegex("<g class=\"bar\"[^>]*><text[^>]*>([^<]+)</text>")]
    private static partial Regex BarLabels();
}
