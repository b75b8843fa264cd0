namespace BotAssistant.Policies.Tests;

/// <summary>Small in-memory catalogs: fixed vocabularies plus one policy file written per test.</summary>
internal static class TestCatalog
{
    public const string Places = """
        places:
          平凉: {full_name: 平凉市, province: 甘肃省, aliases: [崆峒区], bureau: 平凉市人社局}
        """;

    public const string Topics = """
        topics:
          kuogang: {name: 一次性扩岗补助}
          xina: {name: 一次性吸纳就业补贴}
          other: {name: 其他}
        """;

    public const string Facts = """
        facts:
          hired_group:
            label: 招用人员类别
            type: enum
            values: {graduate: 高校毕业生, youth_unemployed: 失业青年, other: 其他人员}
          hired_count: {label: 招用人数, type: number, unit: 人, cost: 2}
          contract_years: {label: 劳动合同期限, type: number, unit: 年}
          social_insurance_months: {label: 已缴纳社会保险的月数, type: number, unit: 月}
          is_veteran: {label: 是否退役军人, type: bool}
          is_migrant_worker: {label: 是否农民工, type: bool}
          has_unpaid_loan: {label: 是否有尚未还清的创业担保贷款, type: bool}
          hired_is_local: {label: 招用人员是否本市户籍, type: bool}
          enterprise_size:
            label: 企业规模
            type: enum
            values: {large: 大型企业, small_micro: 小微企业}
          paid: {label: 上年度实际缴纳的失业保险费, type: number, unit: 元}
          level:
            label: 证书等级
            type: enum
            values: {junior: 初级, senior: 高级, none: 无}
          retained: {label: 留用人数, type: number, unit: 人}
          trainees: {label: 见习人数, type: number, unit: 人}
          retention_rate:
            label: 留用率
            type: number
            unit: "%"
            derived: {ratio: [retained, trainees], scale: 100}
          start_date: {label: 开始日期, type: date}
        """;

    public const string Materials = """
        materials:
          labor_contract: {name: 劳动合同}
          application_form: {name: 申请表}
        """;

    public const string Header = """
        document:
          id: test-doc
          place: 平凉
          title: 测试文件
          number: 无文号
          issuer: 测试
          date: 2023-01-01
          seed: seed.txt
          until: null
        measures:
        """;

    /// <summary>One measure with defaults; override parts by passing YAML lines (indented 4 spaces).</summary>
    public static string Measure(string id, string body, string topic = "other") => $"""
          - id: {id}
            name: 测试{id}
            topic: {topic}
            clause: （一）
            quote: 测试条款
            audience: employer
        {body}
        """;

    public static Dictionary<string, string> Files(string policies, string? facts = null) => new()
    {
        ["places.yaml"] = Places,
        ["topics.yaml"] = Topics,
        ["facts.yaml"] = facts ?? Facts,
        ["materials.yaml"] = Materials,
        ["policies/test.yaml"] = Header + "\n" + policies,
    };

    public static IReadOnlyList<CatalogError> Errors(string policies, string? facts = null, string? seeds = null) =>
        CatalogLoader.TryLoadFromTexts(Files(policies, facts), seeds).Errors;

    public static Catalog Load(string policies, string? facts = null)
    {
        var (catalog, errors) = CatalogLoader.TryLoadFromTexts(Files(policies, facts));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return catalog!;
    }

    public static Measure One(string body) => Load(Measure("m", body)).Measures.Single();
}
