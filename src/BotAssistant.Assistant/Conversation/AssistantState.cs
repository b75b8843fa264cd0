using BotAssistant.Bot.State;

namespace BotAssistant.Assistant.Conversation;

/// <summary>
/// What the assistant remembers of one conversation. Facts are kept as their wire text (FactValue.ToString)
/// so the record stays plain JSON; the catalog types them again on every turn.
/// </summary>
public sealed class AssistantState : IVersionedState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>Facts the user gave, fact name → value text, in the order given.</summary>
    public Dictionary<string, string> Facts { get; set; } = [];

    /// <summary>
    /// Figures said back as not fitting together (上个月才招 yet 交了十四个月), fact name → value text: kept aside, not as
    /// facts, so the same figure said again meets its partner again instead of passing alone.
    /// </summary>
    public Dictionary<string, string> Doubted { get; set; } = [];

    /// <summary>Facts the user chose not to answer ("不知道", "跳过"): never asked again in this screening.</summary>
    public List<string> Skipped { get; set; } = [];

    /// <summary>Questions asked in this screening, oldest first, so "上一步" can go back.</summary>
    public List<string> Asked { get; set; } = [];

    /// <summary>The fact the last reply asked for, or null.</summary>
    public string? Pending { get; set; }

    /// <summary>How many times the pending question was asked without a usable answer.</summary>
    public int PendingAttempts { get; set; }

    /// <summary>True while a screening is running (questions are being asked).</summary>
    public bool Screening { get; set; }

    /// <summary>
    /// True while the open question was only offered after a lookup (the user told nothing of their case): asking
    /// something else instead lets it go, rather than asking it again after every side question.
    /// </summary>
    public bool Offered { get; set; }

    /// <summary>Topics the screening is about (empty: everything for the place and role).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>When set, the screening weighs exactly these measures (the ones a lookup just showed).</summary>
    public List<string> Candidates { get; set; } = [];

    /// <summary>Measures named in the last answer, so "原文呢" and "需要什么材料" refer to them.</summary>
    public List<string> Focus { get; set; } = [];

    /// <summary>Measures that applied in the last screening result.</summary>
    public List<string> LastResult { get; set; } = [];

    /// <summary>Every measure the last screening weighed, so "为什么不能拿…" and "能同时领吗" can be answered about them.</summary>
    public List<string> LastWeighed { get; set; } = [];

    /// <summary>The as-of date set in this conversation ("按2023年的政策算"), yyyy-MM-dd; null means the configured default.</summary>
    public string? AsOf { get; set; }

    /// <summary>The choices of the last question, in order, so "2" or the label itself can answer it.</summary>
    public List<string> Choices { get; set; } = [];

    public void ResetScreening()
    {
        Skipped.Clear();
        Asked.Clear();
        Pending = null;
        PendingAttempts = 0;
        Screening = false;
        Offered = false;
        Topics.Clear();
        Candidates.Clear();
        Choices.Clear();
    }

    public void ResetAll()
    {
        ResetScreening();
        Facts.Clear();
        Doubted.Clear();
        Focus.Clear();
        LastResult.Clear();
        LastWeighed.Clear();
        AsOf = null;
    }
}
