using BotAssistant.Language.Recognizers;

namespace BotAssistant.Language.Entities;

/// <summary>Runs every recognizer over one normalized message and returns the entities in text order.</summary>
internal sealed class EntityExtractor(VocabularyIndex index, SubjectCues cues, Segmentation.Segmenter segmenter, Func<string, string> norm, PersonMentions people)
{
    /// <summary>"毕业1000年了" is a joke, not a date; beyond a working life no graduation date is derived.</summary>
    private const int MaxMonthsSinceGraduation = 12 * 60;

    public List<Entity> Extract(string text, UnderstandingContext context)
    {
        var entities = new List<Entity>();
        var masked = new bool[text.Length];
        var groups = index.Groups.Matches(text);
        AddPhrases(entities, text, index.Places.Matches(text), masked);
        AddPhrases(entities, text, groups, null);
        AddPhrases(entities, text, index.Topics.Matches(text), masked);
        AddPhrases(entities, text, index.Materials.Matches(text), masked);
        AddPhrases(entities, text, index.Roles.Matches(text), null);
        AddPhrases(entities, text, index.Levels.Matches(text), masked);
        AddPhrases(entities, text, index.Sizes.Matches(text), null);
        AddPhrases(entities, text, index.Destinations.Matches(text), null);
        // Ordinals first: 第二个 is a choice, though 第二 is also a word of the dictionary.
        entities.AddRange(AnswerRecognizer.Ordinals(text, masked));
        LexicalNumerals.Mask(text, segmenter, masked);
        AddQuantities(entities, text, masked, groups, context);
        cues.MarkCorrections(text, entities);
        var notFacts = cues.NotFactWords(text);
        if (notFacts.Count > 0)
        {
            // "有的说要签两年合同", "说是以前要交满三年": others' word and a rule's demand are no figures of the user's.
            entities.RemoveAll(e => IsFigure(e) && cues.NotAFact(text, notFacts, e.Start));
        }
        AddAnswers(entities, text, context);
        entities.AddRange(people.Read(text));

        // 5个见习生 / 见习6个月: 见习 there says what is counted, not which measure is asked about.
        entities.RemoveAll(e => e.Kind == EntityKind.Topic && e.Length <= 2
            && entities.Any(q => q.Kind is EntityKind.Count or EntityKind.Duration && (q.End == e.Start || e.End == q.Start)));

        // 8个人 / 一个人多少钱: the 个人 inside a count is not the role "individual".
        entities.RemoveAll(e => e.Kind == EntityKind.Role
            && (entities.Any(q => q.Number is not null && q.Start < e.End && e.Start < q.End)
                || (e.Text == "个人" && e.Start > 0 && (char.IsAsciiDigit(text[e.Start - 1]) || Recognizers.ChineseNumerals.IsNumeral(text[e.Start - 1])))));
        PassingPlaces.Mark(text, entities);
        MarkSiblingDistricts(text, entities);
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i].Kind == EntityKind.UncoveredPlace && index.Provinces.GetValueOrDefault(norm(entities[i].Value)) is { } province)
            {
                entities[i] = entities[i] with { Province = province };
            }
        }

        entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return entities;
    }

    /// <summary>
    /// 运城盐湖区, 固原市原州区: a city that contains a covered county, followed by the name of one of its other districts
    /// or counties, is that other place, which no document covers; it is no longer a hint at the covered one.
    /// </summary>
    private static void MarkSiblingDistricts(string text, List<Entity> entities)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.Kind != EntityKind.UncoveredPlace || e.Subject.Length == 0)
            {
                continue;
            }

            var end = e.End;
            var k = end;
            while (k < text.Length && k - end < 4 && IsHan(text[k]) && text[k] is not ('区' or '县'))
            {
                k++;
            }

            var named = k > end && k < text.Length && text[k] is '区' or '县';
            if (named && !entities.Any(p => p.Kind == EntityKind.Place && p.Start >= end && p.Start <= k))
            {
                entities[i] = e with { Subject = "", Text = text[e.Start..(k + 1)], Length = k + 1 - e.Start };
            }
        }
    }

    private static bool IsFigure(Entity e) => e.Kind is EntityKind.Count or EntityKind.Duration or EntityKind.Money or EntityKind.Percentage
        or EntityKind.Number or EntityKind.EmployeeCount or EntityKind.Age or EntityKind.Date;

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static void AddPhrases(List<Entity> entities, string text, List<PhraseMatch> matches, bool[]? mask)
    {
        foreach (var m in matches)
        {
            foreach (var v in m.Values)
            {
                entities.Add(new Entity(v.Kind, v.Value, null, m.Start, m.Length, text.Substring(m.Start, m.Length)) { Subject = v.Subject });
            }

            if (mask is not null)
            {
                Array.Fill(mask, true, m.Start, m.Length);
            }
        }
    }

    private void AddQuantities(List<Entity> entities, string text, bool[] masked, List<PhraseMatch> groups, UnderstandingContext context)
    {
        var cueSet = cues.Index(text);
        var numbers = ImpliedOne.Add(text, masked, NumberScanner.Scan(text, masked),
            (from, to) => groups.Any(g => g.Start >= from && g.Start < to) || people.NounWithin(text, from, to));
        var quantities = cues.MarkChange(text, QuantityRecognizer.Recognize(new QuantityInput(text, numbers, cueSet, groups, context.AsOf)));
        // A figure that is no fact (实在不行就裁掉七八个) must not keep a later "一个都没裁" from being read as none.
        var notFacts = cues.NotFactWords(text);
        quantities.RemoveAll(q => notFacts.Count > 0 && IsFigure(q) && cues.NotAFact(text, notFacts, q.Start));
        entities.AddRange(quantities);
        entities.AddRange(NegatedCues.Read(text, cueSet, cues.ZeroWhenNegated, quantities));
        entities.AddRange(DateReader.Relative(text, context.AsOf, cueSet, quantities));
        foreach (var d in quantities.Where(q => q.Kind == EntityKind.Duration && q.Value == "since_graduation" && q.Number is > 0 and <= MaxMonthsSinceGraduation))
        {
            var when = new DateOnly(context.AsOf.Year, context.AsOf.Month, 1).AddMonths(-(int)Math.Round(d.Number!.Value));
            entities.Add(DateReader.Make(text, cueSet, d.Start, d.End, when, DatePrecision.Month) with { Subject = "graduation" });
        }
    }

    private void AddAnswers(List<Entity> entities, string text, UnderstandingContext context)
    {
        var yesNo = AnswerRecognizer.YesNo(text, index.YesNo.Matches(text), context.Expected);
        if (yesNo is not null)
        {
            entities.Add(yesNo);
        }

        if (context.Expected is { Kind: ExpectedKind.Choice } expected && !entities.Any(e => e.Kind == EntityKind.Choice))
        {
            var choice = AnswerRecognizer.ChoiceFromExpected(text, expected, norm);
            if (choice is not null)
            {
                entities.RemoveAll(e => e.Kind == EntityKind.Number && e.Start == choice.Start && e.Length == choice.Length);
                entities.Add(choice);
            }
        }
    }
}
