namespace BotAssistant.Policies;

/// <summary>One problem found while loading knowledge files; Line is 1-based (0 when unknown).</summary>
public sealed record CatalogError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(IReadOnlyList<CatalogError> errors)
        : base($"{errors.Count} error(s) in knowledge files:{Environment.NewLine}"
               + string.Join(Environment.NewLine, errors.Take(20)))
    {
        Errors = errors;
    }

    public IReadOnlyList<CatalogError> Errors { get; }
}
