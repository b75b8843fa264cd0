namespace BotAssistant.Bot.Turn;

public delegate Task NextDelegate(CancellationToken cancellationToken);

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}

public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>Runs middleware in the order added, then the bot; a middleware that does not call next ends the turn.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public IReadOnlyList<IMiddleware> Items => _middleware;

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, (_, ct) => next(ct), cancellationToken);

    public Task ReceiveActivityAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, callback, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, int index, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => RunAsync(turnContext, index + 1, callback, ct),
            cancellationToken);
    }
}
