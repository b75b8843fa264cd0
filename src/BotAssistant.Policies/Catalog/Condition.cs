namespace BotAssistant.Policies;

/// <summary>A condition tree node; Text is the author's plain wording, preferred over generated wording.</summary>
public abstract record Condition(string? Text);

public enum ComparisonOp { Equals, In, Min, Max, Below, Above }

/// <summary>One operator on a fact. `In` carries several values, every other operator one.</summary>
public sealed record Comparison(ComparisonOp Op, IReadOnlyList<FactValue> Values)
{
    public FactValue Value => Values[0];
}

/// <summary>All comparisons must hold (e.g. min and max on one fact).</summary>
public sealed record FactTest(string Fact, IReadOnlyList<Comparison> Comparisons, string? Text) : Condition(Text);

public sealed record AllOf(IReadOnlyList<Condition> Items, string? Text) : Condition(Text);

public sealed record AnyOf(IReadOnlyList<Condition> Items, string? Text) : Condition(Text);

public sealed record Not(Condition Inner, string? Text) : Condition(Text);
