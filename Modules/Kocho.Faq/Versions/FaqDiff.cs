using Kocho.Faq.Entries;

namespace Kocho.Faq.Versions;

/// <summary>
/// 版の比較: a line diff (longest common subsequence) of two versions written out as text, field by field, so that an
/// approver sees exactly what changes against the live version.
/// </summary>
public static class FaqDiff
{
    public static IReadOnlyList<FaqDiffLine> Compare(IReadOnlyList<string> older, IReadOnlyList<string> newer)
    {
        var n = older.Count;
        var m = newer.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = older[i] == newer[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var result = new List<FaqDiffLine>();
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (older[a] == newer[b]) { result.Add(new(FaqDiffKind.Same, older[a])); a++; b++; }
            else if (lcs[a + 1, b] >= lcs[a, b + 1]) result.Add(new(FaqDiffKind.Deleted, older[a++]));
            else result.Add(new(FaqDiffKind.Added, newer[b++]));
        }
        while (a < n) result.Add(new(FaqDiffKind.Deleted, older[a++]));
        while (b < m) result.Add(new(FaqDiffKind.Added, newer[b++]));
        return result;
    }

    /// <summary>A version as the lines the diff compares; <paramref name="categoryName"/> is its 分類 as shown to staff.</summary>
    public static IReadOnlyList<string> Lines(FaqVersion? version, string? categoryName)
    {
        if (version is null) return [];
        var lines = new List<string>
        {
            "質問: " + version.Question,
            "分類: " + (categoryName ?? "（なし）"),
            "公開区分: " + (version.Visibility == FaqVisibility.Public ? "公開" : "内部"),
            "公開期間: " + (version.PublishFrom?.ToString("yyyy-MM-dd") ?? "") + " ～ " + (version.PublishTo?.ToString("yyyy-MM-dd") ?? ""),
            "キーワード: " + string.Join("、", version.KeywordList()),
        };
        lines.AddRange(version.RelatedLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => "関連リンク: " + l));
        lines.Add("回答:");
        lines.AddRange(version.Answer.Split('\n').Select(l => l.TrimEnd()));
        return lines;
    }
}
