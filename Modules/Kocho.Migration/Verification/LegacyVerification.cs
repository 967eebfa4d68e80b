using System.Text;
using Kocho.Migration.Import;

namespace Kocho.Migration.Verification;

/// <summary>動作の検証 of one migration: the checks (row counts and per-field checksums) and sample records side by side.</summary>
public sealed class LegacyVerification
{
    public sealed record Check(string File, string Name, bool Passed, string Detail);

    /// <summary>One field of a sample record; personal values are shown only as match / no match.</summary>
    public sealed record SampleField(string Field, string? Source, string? Database, bool Personal)
    {
        public bool Matches => Source == Database;
    }

    public sealed record Sample(string File, string Key, IReadOnlyList<SampleField> Fields);

    public List<Check> Checks { get; } = [];
    public List<Sample> Samples { get; } = [];
    public bool Passed => Checks.All(c => c.Passed);

    public string ToMarkdown(string source, LegacyExport export)
    {
        var md = new StringBuilder();
        md.AppendLine("# 旧システムからのデータ移行 検証報告書").AppendLine();
        md.AppendLine($"- 照合したフォルダ: `{source}`");
        md.AppendLine($"- 照合日時: {Kocho.Core.Calendar.JapanTime.ToJst(DateTime.UtcNow):yyyy-MM-dd HH:mm} (JST)");
        md.AppendLine($"- 結果: **{(Passed ? "PASS" : "FAIL")}**（検査 {Checks.Count} 件、不一致 {Checks.Count(c => !c.Passed)} 件）").AppendLine();
        md.AppendLine("## ファイル別の件数").AppendLine();
        md.AppendLine("| ファイル | 読込 | 正常 | 除外 |").AppendLine("|---|---:|---:|---:|");
        foreach (var r in export.Reports.Values) md.AppendLine($"| {r.File} | {r.RowsRead} | {r.Valid} | {r.Rejects.Count} |");
        md.AppendLine().AppendLine("## 検査").AppendLine();
        md.AppendLine("| 結果 | ファイル | 検査 | 内容 |").AppendLine("|---|---|---|---|");
        foreach (var c in Checks) md.AppendLine($"| {(c.Passed ? "PASS" : "**FAIL**")} | {c.File} | {Cell(c.Name)} | {Cell(c.Detail)} |");
        md.AppendLine().AppendLine("## 抽出した記録の突き合わせ").AppendLine();
        md.AppendLine("個人情報の項目は値を載せず、一致したかどうかだけを示します。").AppendLine();
        foreach (var sample in Samples)
        {
            md.AppendLine($"### {sample.File} {sample.Key}").AppendLine();
            md.AppendLine("| 項目 | 移行元 | データベース | 一致 |").AppendLine("|---|---|---|---|");
            foreach (var f in sample.Fields)
            {
                var (s, d) = f.Personal ? ("（個人情報）", "（個人情報）") : (f.Source ?? "", f.Database ?? "");
                md.AppendLine($"| {f.Field} | {Cell(s)} | {Cell(d)} | {(f.Matches ? "○" : "**×**")} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## 除外した行（検証で不正とされ、取り込んでいない行）").AppendLine();
        var rejects = export.Reports.Values.SelectMany(r => r.Rejects).ToList();
        if (rejects.Count == 0) md.AppendLine("なし");
        else
        {
            md.AppendLine("| ファイル | 行 | 理由 |").AppendLine("|---|---:|---|");
            foreach (var r in rejects) md.AppendLine($"| {r.File} | {r.Line} | {Cell(r.Reason)} |");
        }
        return md.ToString();
    }

    private static string Cell(string value)
    {
        var text = value.Replace("|", "\\|").ReplaceLineEndings("<br>");
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
