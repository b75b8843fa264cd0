using BotAssistant.Policies;
using Spectre.Console;

namespace BotAssistant.Cli;

/// <summary>Output of `catalog eval`: one row per candidate measure, then exclusions and limits.</summary>
internal static class EvalView
{
    public static object Of(ScreeningResult screen, string? nextQuestion) => new
    {
        Results = screen.Results.Select(r => new
        {
            r.Measure.Id,
            r.Measure.Name,
            Status = Commands.Name(r.Status),
            r.ExcludedBy,
            Amount = new { r.Amount.Value, r.Amount.Min, r.Amount.Max, r.Amount.PerUnit, r.Amount.Unit, r.Amount.Formula, r.Amount.IsLoan, r.Amount.IsTaxDeduction, r.Amount.NotStated },
            Validity = Commands.Name(r.Validity.Status),
            ValidityText = r.Validity.Text,
            r.MissingFacts,
            Failed = r.FailedConditions.Select(f => new { f.Wording, f.ActualValue }),
            WhatIf = r.WhatIf?.Text,
        }),
        Exclusions = screen.Exclusions.Select(e => new { e.Recommended, e.Excluded, e.Reason }),
        Limits = screen.Limits.Select(l => l.Text),
        NextQuestion = nextQuestion,
    };

    public static void Print(ScreeningResult screen, Catalog catalog, FactSet facts, DateOnly asOf, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        console.Profile.Width = 180;
        var table = new Table().AddColumns("measure", "status", "amount", "formula", "validity", "missing / failed");
        foreach (var r in screen.Results.OrderBy(r => r.Status))
        {
            var status = Commands.Name(r.Status) + (r.IsExcluded ? $" (excluded by {r.ExcludedBy})" : "");
            var why = r.Status == EligibilityStatus.NotEligible
                ? string.Join("；", r.FailedConditions.Select(f => f.Wording)) + (r.WhatIf is null ? "" : $"。{r.WhatIf.Text}")
                : string.Join(", ", r.MissingFacts);
            table.AddRow(
                Markup.Escape($"{r.Measure.Id}\n{r.Measure.Name}"), Markup.Escape(status), Markup.Escape(AmountText(r.Amount)),
                Markup.Escape(r.Amount.Formula), Markup.Escape(r.Validity.Text), Markup.Escape(why));
        }

        console.Write(table);
        output.WriteLine($"as of {asOf:yyyy-MM-dd}; facts: {facts}");
        foreach (var e in screen.Exclusions)
        {
            output.WriteLine($"exclusion: {e.Reason}");
        }

        foreach (var l in screen.Limits)
        {
            output.WriteLine($"limit: {l.Text}");
        }

        var next = QuestionPlanner.NextFact(screen.Results.Select(r => r.Measure), facts, catalog, new HashSet<string>());
        output.WriteLine(next is null ? "nothing more to ask" : $"next question: {next} ({catalog.Facts[next].Label})");
    }

    private static string AmountText(AmountResult a) => a switch
    {
        { Value: { } v } => $"{v:0.##}{a.Unit}",
        { Min: { } min, Max: { } max } => $"{min:0.##}–{max:0.##}{a.Unit}",
        { Max: { } max } => $"≤{max:0.##}{a.Unit}",
        { PerUnit: { } p } => $"{p:0.##}{a.Unit}/单位",
        { NotStated: true } => "未规定",
        { None: true } => "无",
        _ => "",
    } + (a.IsLoan ? " (贷款)" : a.IsTaxDeduction ? " (减税)" : "");
}
