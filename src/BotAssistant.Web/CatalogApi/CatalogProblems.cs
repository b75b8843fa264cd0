using Microsoft.AspNetCore.Http.HttpResults;

namespace BotAssistant.Web.CatalogApi;

/// <summary>Every refusal of the API as ProblemDetails, titled in Chinese with the English detail after it.</summary>
public static class CatalogProblems
{
    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult BadDate(string? raw) =>
        BadRequest(AsOfDate.InvalidMessage, $"asOf '{raw}' is not a date written yyyy-MM-dd");

    public static ProblemHttpResult UnknownMeasure(string id) =>
        NotFound("未找到该措施（measure not found）", $"no measure has the id '{id}'");

    public static ProblemHttpResult UnknownTopic(string topic) =>
        NotFound("未找到该类措施（topic not found）", $"no topic is called '{topic}'; see topics.yaml");
}
