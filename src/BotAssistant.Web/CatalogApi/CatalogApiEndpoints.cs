using BotAssistant.Assistant.Knowledge;
using BotAssistant.Policies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BotAssistant.Web.CatalogApi;

/// <summary>
/// /api/catalog: the catalog and the engine as JSON, for the staff pages and other tools. Read-only apart from
/// evaluate, which computes and stores nothing. The snapshot is read per request because the catalog can be reloaded.
/// </summary>
public static class CatalogApiEndpoints
{
    public const string Prefix = "/api/catalog";
    private const int DefaultSearchLimit = 20;
    private const int MaxSearchLimit = 200;

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(Prefix).WithTags("Catalog");
        group.MapGet("/measures", ListMeasures).WithName("CatalogListMeasures");
        group.MapGet("/measures/{id}", GetMeasure).WithName("CatalogGetMeasure");
        group.MapGet("/search", Search).WithName("CatalogSearch");
        group.MapGet("/topics", ListTopics).WithName("CatalogListTopics");
        group.MapGet("/compare/{topic}", Compare).WithName("CatalogCompare");
        group.MapGet("/facts", ListFacts).WithName("CatalogListFacts");
        group.MapPost("/evaluate", EvaluateAsync).WithName("CatalogEvaluate");
        group.MapGet("/openapi.json", OpenApiDocument.Serve).WithName("CatalogOpenApi");
        return group;
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, CatalogJson.Options);

    internal static Results<JsonHttpResult<IReadOnlyList<MeasureSummaryView>>, ProblemHttpResult> ListMeasures(
        KnowledgeBase knowledge, TimeProvider clock, string? place, string? topic, string? audience, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return CatalogProblems.BadDate(asOf);
        }

        var catalog = knowledge.Current.Catalog;
        IEnumerable<Measure> measures = catalog.Measures;
        if (!string.IsNullOrWhiteSpace(place))
        {
            if (catalog.FindPlace(place.Trim()) is not { } p)
            {
                return CatalogProblems.NotFound("未找到该地区（place not found）", $"no place is called '{place}'");
            }

            measures = measures.Where(m => m.Place == p.Key);
        }

        if (!string.IsNullOrWhiteSpace(topic))
        {
            if (TopicComparison.Find(catalog, topic) is not { } t)
            {
                return CatalogProblems.UnknownTopic(topic);
            }

            measures = measures.Where(m => m.Topic == t.Key);
        }

        if (!Labels.TryAudience(audience, out var who))
        {
            return CatalogProblems.BadRequest("对象应为 individual、employer 或 institution（bad audience）", $"audience '{audience}' is unknown");
        }

        IReadOnlyList<MeasureSummaryView> list = measures
            .Where(m => who == Audience.Any || m.Audience == who)
            .Select(m => MeasureViews.Summary(catalog, m, date))
            .ToList();
        return Json(list);
    }

    internal static Results<JsonHttpResult<MeasureSheetView>, ProblemHttpResult> GetMeasure(
        KnowledgeBase knowledge, TimeProvider clock, string id, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return CatalogProblems.BadDate(asOf);
        }

        var catalog = knowledge.Current.Catalog;
        return catalog.FindMeasure(id) is { } m ? Json(MeasureViews.Sheet(catalog, m, date)) : CatalogProblems.UnknownMeasure(id);
    }

    internal static Results<JsonHttpResult<SearchView>, ProblemHttpResult> Search(
        KnowledgeBase knowledge, TimeProvider clock, string? q, string? asOf, int? limit)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return CatalogProblems.BadDate(asOf);
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return CatalogProblems.BadRequest("请输入检索词（q is required）", "give the words to search for in q, e.g. q=稷山 场地租赁");
        }

        if (limit is < 1 or > MaxSearchLimit)
        {
            return CatalogProblems.BadRequest("结果条数应在1到200之间（bad limit）", $"limit must be between 1 and {MaxSearchLimit}");
        }

        var snapshot = knowledge.Current;
        return Json(Searching.View(snapshot, q, date, limit ?? DefaultSearchLimit));
    }

    internal static JsonHttpResult<IReadOnlyList<TopicView>> ListTopics(KnowledgeBase knowledge) =>
        Json(TopicComparison.Topics(knowledge.Current.Catalog));

    internal static Results<JsonHttpResult<CompareView>, ProblemHttpResult> Compare(
        KnowledgeBase knowledge, TimeProvider clock, string topic, string? asOf)
    {
        if (!AsOfDate.TryResolve(asOf, clock, out var date))
        {
            return CatalogProblems.BadDate(asOf);
        }

        var catalog = knowledge.Current.Catalog;
        return TopicComparison.Find(catalog, topic) is { } t
            ? Json(TopicComparison.Of(catalog, t, date))
            : CatalogProblems.UnknownTopic(topic);
    }

    internal static Results<JsonHttpResult<IReadOnlyList<FactFieldView>>, ProblemHttpResult> ListFacts(
        KnowledgeBase knowledge, string? measure, string? place, string? audience)
    {
        var catalog = knowledge.Current.Catalog;
        if (string.IsNullOrWhiteSpace(measure) && string.IsNullOrWhiteSpace(place))
        {
            IReadOnlyList<FactFieldView> all = catalog.Facts.Values.Select(f => FactInput.Field(catalog, f)).ToList();
            return Json(all);
        }

        var choice = Evaluation.Candidates(catalog, measure, place, audience);
        return choice.Error is { } error
            ? CandidateProblem(choice, error)
            : Json(FactInput.Fields(catalog, choice.Measures));
    }

    internal static async Task<Results<JsonHttpResult<EvaluationView>, ProblemHttpResult>> EvaluateAsync(
        HttpRequest http, KnowledgeBase knowledge, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, bodyError) = await EvaluateRequest.ReadAsync(http, cancellationToken);
        if (request is null)
        {
            return CatalogProblems.BadRequest("请求内容有误（bad request body）", bodyError ?? "the body could not be read");
        }

        if (!AsOfDate.TryResolve(request.AsOf, clock, out var date))
        {
            return CatalogProblems.BadDate(request.AsOf);
        }

        var catalog = knowledge.Current.Catalog;
        var choice = Evaluation.Candidates(catalog, request.Measure, request.Place, request.Audience);
        if (choice.Error is { } error)
        {
            return CandidateProblem(choice, error);
        }

        var (facts, factError) = FactInput.Parse(catalog, request.Facts);
        return facts is null
            ? CatalogProblems.BadRequest(FactInput.InvalidMessage, factError ?? "")
            : Json(Evaluation.Run(catalog, choice.Measures, facts, date));
    }

    private static ProblemHttpResult CandidateProblem(CandidateChoice choice, string error) => choice.NotFound
        ? CatalogProblems.NotFound("未找到要计算的措施或地区（measure or place not found）", error)
        : CatalogProblems.BadRequest("请选择一项措施，或选择地区和对象（choose a measure or a place）", error);
}
