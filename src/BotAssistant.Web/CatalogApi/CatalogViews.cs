namespace BotAssistant.Web.CatalogApi;

// The shapes the API returns and the staff pages render. Every figure in them comes from the catalog or the engine.

/// <summary>One line of a list or search result: enough to answer "how much, until when" at a glance.</summary>
public sealed record MeasureSummaryView(
    string Id, string Name, string Place, string Topic, string TopicName, string Audience,
    string DocumentNumber, string Clause, string? Summary, AmountView Amount, PeriodView Period, string Link);

public sealed record SearchHitView(MeasureSummaryView Measure, double Score, IReadOnlyList<string> Matched);

public sealed record SearchView(string Query, string AsOf, IReadOnlyList<string> Words, IReadOnlyList<string> Places, IReadOnlyList<SearchHitView> Results);

/// <summary>Headline is short ("最高1500元/人·月"); Formula is the engine's own; Figure is in 元 for charts.</summary>
public sealed record AmountView(
    string Headline, string Formula, string? DocumentText, string? Note, decimal? Figure, string? Kind,
    bool IsLoan, bool IsTaxDeduction, bool NotStated);

public sealed record PeriodView(string? From, string? Until, string? DocumentText, string Status, string StatusText, string AsOf);

public sealed record DocumentView(string Id, string Title, string Number, string? Issuer, string? Date);

public sealed record MaterialView(string Id, string Name, string? Description, string Source, string SourceText, string? Note);

public sealed record LinkedMeasureView(string Id, string Name, string Link);

public sealed record LimitsView(
    IReadOnlyList<LinkedMeasureView> ExclusiveWith, int? MaxPerYear, int? MaxTotal, bool Once, string? Note, IReadOnlyList<string> Notices);

public sealed record MeasureSheetView(
    string Id, string Name, IReadOnlyList<string> Synonyms, string Place, string PlaceFullName, string? Province,
    string Topic, string TopicName, string Audience, string AudienceText, DocumentView Document, string Clause, string Quote,
    string? Summary, IReadOnlyList<string> Conditions, AmountView Amount, PeriodView Period, LimitsView Limits,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<string> Departments, string? Bureau, string Link);

public sealed record TopicView(string Key, string Name, IReadOnlyList<string> Synonyms, int Measures);

public sealed record ComparePlaceView(string Place, string FullName, IReadOnlyList<MeasureSummaryView> Measures);

public sealed record CompareView(string Topic, string TopicName, string AsOf, IReadOnlyList<ComparePlaceView> Places);

public sealed record FactChoiceView(string Key, string Label);

/// <summary>A form field for one fact, as facts.yaml types it.</summary>
public sealed record FactFieldView(
    string Name, string Label, string Type, string? Unit, decimal? Min, decimal? Max, IReadOnlyList<FactChoiceView> Choices, string? DerivedFrom);

public sealed record FactKnownView(string Name, string Label, string Value, string Display);

public sealed record MissingFactView(string Name, string Label);

public sealed record FailedConditionView(string Condition, string? Actual);

public sealed record EvaluationResultView(
    MeasureSummaryView Measure, string Status, string StatusText, string? ExcludedBy, AmountResultView Amount,
    IReadOnlyList<MissingFactView> Missing, IReadOnlyList<FailedConditionView> Failed, string? WhatIf);

/// <summary>What the engine computed for these facts; Value/Min/Max stay null when a fact is unknown.</summary>
public sealed record AmountResultView(string Formula, decimal? Value, decimal? Min, decimal? Max, decimal? PerUnit, string? Unit, bool IsDetermined);

public sealed record EvaluationView(
    string AsOf, IReadOnlyList<FactKnownView> Facts, IReadOnlyList<EvaluationResultView> Results,
    IReadOnlyList<string> Exclusions, IReadOnlyList<string> Limits);
