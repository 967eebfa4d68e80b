using Kocho.Core.Settings;
using Kocho.Opinions.Cases;

namespace Kocho.Privacy.Retention;

/// <summary>
/// 特記事項 10 (保存期間): years a finished case keeps its personal data, per case kind, from the site setting
/// <c>Privacy.RetentionYears</c>, e.g. <c>{ "default": 5, "Complaint": 10 }</c>; 5 years when unset.
/// </summary>
public sealed record RetentionPolicy(IReadOnlyDictionary<string, int> Years)
{
    public const string SettingKey = "Privacy.RetentionYears";
    public const int DefaultYears = 5;

    public int YearsFor(CaseKind kind) =>
        Years.TryGetValue(kind.ToString(), out var years) ? years
        : Years.TryGetValue("default", out var fallback) ? fallback
        : DefaultYears;

    public static async Task<RetentionPolicy> LoadAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        var years = await settings.GetAsync<Dictionary<string, int>>(SettingKey, cancellationToken) ?? [];
        var bad = years.Where(y => y.Value < 1 || (y.Key != "default" && !Enum.TryParse<CaseKind>(y.Key, out _))).Select(y => y.Key).ToList();
        if (bad.Count > 0) throw new InvalidOperationException($"{SettingKey}: 種別 {string.Join(", ", bad)} の保存年数が正しくありません（default か意見等の種別に1以上の年数）。");
        return new RetentionPolicy(new Dictionary<string, int>(years, StringComparer.Ordinal));
    }
}
