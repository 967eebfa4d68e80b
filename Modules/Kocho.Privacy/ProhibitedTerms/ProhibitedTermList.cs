using System.Text;
using Kocho.Core.Settings;

namespace Kocho.Privacy.ProhibitedTerms;

/// <summary>
/// The term list per prohibited category (特記事項 5), in the site setting <c>Privacy.ProhibitedTerms</c>; without the setting
/// the default list below applies. Terms are compared after NFKC, so full- and half-width forms match alike.
/// </summary>
public sealed class ProhibitedTermList(SiteSettings settings)
{
    public const string SettingKey = "Privacy.ProhibitedTerms";
    public const int MaxTerms = 500;
    public const int MaxTermLength = 50;

    public static readonly IReadOnlyList<string> Categories = ["思想・信条・宗教", "社会的差別の原因となる事実", "犯罪"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Default = new Dictionary<string, IReadOnlyList<string>>
    {
        ["思想・信条・宗教"] = ["宗教", "信仰", "信者", "宗派", "教団", "入信", "支持政党", "政治信条", "思想信条"],
        ["社会的差別の原因となる事実"] = ["本籍地", "出身地", "同和", "部落", "門地", "国籍", "障害者手帳", "病歴", "性的指向", "生活保護受給"],
        ["犯罪"] = ["前科", "前歴", "逮捕", "犯罪歴", "服役", "受刑", "起訴", "有罪判決", "補導歴"],
    };

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync(CancellationToken cancellationToken = default) =>
        await settings.GetAsync<Dictionary<string, List<string>>>(SettingKey, cancellationToken) is { } stored
            ? Categories.ToDictionary(c => c, c => (IReadOnlyList<string>)(stored.GetValueOrDefault(c) ?? []))
            : Default;

    /// <summary>Checks and normalizes a list; the errors are Japanese sentences, empty when the list is fine.</summary>
    public static (Dictionary<string, List<string>> List, List<string> Errors) Validate(IReadOnlyDictionary<string, IEnumerable<string>> input)
    {
        var errors = new List<string>();
        var list = new Dictionary<string, List<string>>();
        foreach (var (category, terms) in input)
        {
            if (!Categories.Contains(category))
            {
                errors.Add($"区分「{category}」はありません。{string.Join("、", Categories)} のいずれかにしてください。");
                continue;
            }
            var clean = terms.Select(Normalize).Where(t => t.Length > 0).Distinct().ToList();
            foreach (var term in clean.Where(t => t.Length > MaxTermLength)) errors.Add($"語「{term[..10]}…」が長すぎます。{MaxTermLength}文字以内にしてください。");
            list[category] = clean;
        }
        if (list.Values.Sum(l => l.Count) > MaxTerms) errors.Add($"語は合わせて{MaxTerms}語までにしてください。");
        foreach (var category in Categories) list.TryAdd(category, []);
        return (list, errors);
    }

    public static string Normalize(string? text) => (text ?? "").Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Stages the list in the surrounding unit of work.</summary>
    public Task SaveAsync(Dictionary<string, List<string>> list, CancellationToken cancellationToken) => settings.SetAsync(SettingKey, list, cancellationToken);
}
