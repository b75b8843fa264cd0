using BotAssistant.Assistant.Knowledge;
using BotAssistant.Web.CatalogApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BotAssistant.Web.Staff;

/// <summary>
/// /staff: server-rendered reference pages for hotline staff. They render the same views the catalog API returns,
/// so a page and the API never disagree on a figure.
/// </summary>
public static class StaffPages
{
    public static RouteGroupBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(StaffLayout.Root).WithTags("Staff").ExcludeFromDescription();
        group.MapGet("/", Search).WithName("StaffSearch");
        group.MapGet("/measures/{id}", Measure).WithName("StaffMeasure");
        group.MapGet("/compare", Compare).WithName("StaffCompare");
        group.MapGet("/calculator", Calculator).WithName("StaffCalculator");
        return group;
    }

    internal static ContentHttpResult Search(HttpRequest request, KnowledgeBase knowledge, TimeProvider clock, string? q, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return StaffLayout.Error(request, "search", AsOfDate.Today(clock), 400, AsOfDate.InvalidMessage);
        }

        var snapshot = knowledge.Current;
        var view = string.IsNullOrWhiteSpace(q) ? null : Searching.View(snapshot, q.Trim(), date, 50);
        return StaffLayout.Page(request, view is null ? "检索" : $"检索：{q}", "search", date, SearchPage.Render(snapshot.Catalog, q, view, date));
    }

    internal static ContentHttpResult Measure(HttpRequest request, KnowledgeBase knowledge, TimeProvider clock, string id, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return StaffLayout.Error(request, "search", AsOfDate.Today(clock), 400, AsOfDate.InvalidMessage);
        }

        var catalog = knowledge.Current.Catalog;
        if (catalog.FindMeasure(id) is not { } m)
        {
            return StaffLayout.Error(request, "search", date, 404, $"没有编号为“{id}”的措施。");
        }

        var sheet = MeasureViews.Sheet(catalog, m, date);
        var shareUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{sheet.Link}";
        return StaffLayout.Page(request, $"{sheet.Place} {sheet.Name}", "search", date, MeasurePage.Render(sheet, shareUrl));
    }

    internal static ContentHttpResult Compare(HttpRequest request, KnowledgeBase knowledge, TimeProvider clock, string? topic, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return StaffLayout.Error(request, "compare", AsOfDate.Today(clock), 400, AsOfDate.InvalidMessage);
        }

        var catalog = knowledge.Current.Catalog;
        var topics = TopicComparison.Topics(catalog);
        if (string.IsNullOrWhiteSpace(topic))
        {
            return StaffLayout.Page(request, "五地对比", "compare", date, ComparePage.Render(topics, null, date));
        }

        if (TopicComparison.Find(catalog, topic) is not { } t)
        {
            return StaffLayout.Error(request, "compare", date, 404, $"没有名为“{topic}”的措施类别。");
        }

        var view = TopicComparison.Of(catalog, t, date);
        return StaffLayout.Page(request, $"五地对比：{t.Name}", "compare", date, ComparePage.Render(topics, view, date));
    }

    internal static ContentHttpResult Calculator(HttpRequest request, KnowledgeBase knowledge, TimeProvider clock, string? measure, string? place, string? audience, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return StaffLayout.Error(request, "calculator", AsOfDate.Today(clock), 400, AsOfDate.InvalidMessage);
        }

        var catalog = knowledge.Current.Catalog;
        var form = new CalculatorForm(measure, place, audience, AsOfDate.Format(date), CalculatorPage.Answers(request.Query));
        if (string.IsNullOrWhiteSpace(measure) && string.IsNullOrWhiteSpace(place))
        {
            return StaffLayout.Page(request, "计算器", "calculator", date, CalculatorPage.Render(catalog, form, null, null));
        }

        var choice = Evaluation.Candidates(catalog, measure, place, audience);
        if (choice.Error is { } error)
        {
            return StaffLayout.Error(request, "calculator", date, choice.NotFound ? 404 : 400, "请选择一项措施，或选择地区和对象：" + error);
        }

        var fields = FactInput.Fields(catalog, choice.Measures);
        var (facts, factError) = FactInput.Parse(catalog, form.Answers);
        var result = facts is null ? null : Evaluation.Run(catalog, choice.Measures, facts, date);
        var body = CalculatorPage.Render(catalog, form, new CalculatorInput(choice.Measures, fields, factError), result);
        return StaffLayout.Page(request, "计算器", "calculator", date, body, factError is null ? 200 : 400);
    }
}
