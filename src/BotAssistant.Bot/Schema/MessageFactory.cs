namespace BotAssistant.Bot.Schema;

/// <summary>Builds outgoing message activities; addressing is filled in when they are sent.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? speak = null, string? inputHint = InputHints.AcceptingInput) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Speak = speak,
        InputHint = inputHint,
    };

    public static Activity SuggestedActions(IEnumerable<string> choices, string? text = null, string? speak = null) =>
        SuggestedActions(choices.Select(c => CardAction.ImBack(c)), text, speak);

    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string? text = null, string? speak = null)
    {
        var activity = Text(text ?? "", speak, InputHints.ExpectingInput);
        activity.SuggestedActions = new SuggestedActions(actions);
        return activity;
    }

    public static Activity Attachment(Attachment attachment, string? text = null, string? speak = null) =>
        Attachments([attachment], text, speak, layout: null);

    /// <summary>Several cards side by side (attachmentLayout "carousel").</summary>
    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null, string? speak = null) =>
        Attachments(attachments, text, speak, layout: "carousel");

    private static Activity Attachments(IEnumerable<Attachment> attachments, string? text, string? speak, string? layout)
    {
        var activity = Text(text ?? "", speak);
        activity.Attachments = attachments.ToList();
        activity.AttachmentLayout = layout;
        return activity;
    }
}
