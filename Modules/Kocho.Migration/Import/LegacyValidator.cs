using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kocho.Core.Data;
using Kocho.Migration.Legacy;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Legacy;
using Microsoft.EntityFrameworkCore;
using static Kocho.Migration.Import.LegacyExport;

namespace Kocho.Migration.Import;

/// <summary>
/// Reads and checks all four files before anything is written (一括取込の前の検証): every row is either valid and typed, or
/// rejected with its file, line and a Japanese reason. Department codes are known from SHOZOKU.csv or the database.
/// </summary>
public sealed partial class LegacyValidator(CoreDbContext core, LegacyCaseImport cases)
{
    [GeneratedRegex("^[0-9A-Za-z-]{1,20}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^(\d{4})-?(\d{1,6})$")]
    private static partial Regex ReceiptPattern();

    public async Task<LegacyExport> ValidateAsync(string directory, Encoding encoding, CancellationToken cancellationToken)
    {
        var export = new LegacyExport();
        var texts = new Dictionary<string, string>();
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path)) throw new LegacyFormatException($"{file} が {directory} にありません。");
            texts[file] = LegacyCsv.Decode(await File.ReadAllBytesAsync(path, cancellationToken), encoding, file);
        }
        var existing = (await core.Departments.AsNoTracking().Select(d => new { d.Code, d.Level }).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Code, d => (int)d.Level);
        ValidateDepartments(export, Rows(export, texts[DepartmentsFile], DepartmentsFile), existing);
        var known = existing.Keys.Concat(export.Departments.Select(d => d.Code)).ToHashSet(StringComparer.Ordinal);
        ValidateFaqs(export, Rows(export, texts[FaqFile], FaqFile), known);
        ValidateCases(export, Rows(export, texts[CasesFile], CasesFile), known);
        var receipts = (await cases.ExistingReceiptNumbersAsync(cancellationToken));
        receipts.UnionWith(export.Cases.Select(c => c.ReceiptNumber));
        var rejectedCases = export.Reports[CasesFile].Rejects.Select(r => r.Fields.Count > 0 ? LegacyText.Fold(r.Fields[0]) : "").ToHashSet();
        ValidateHistory(export, Rows(export, texts[HistoryFile], HistoryFile), known, receipts, rejectedCases);
        return export;
    }

    /// <summary>Data rows with the expected column count; the header must be the old system's.</summary>
    private static List<(int Line, IReadOnlyList<string> Fields)> Rows(LegacyExport export, string text, string file)
    {
        var header = Headers[file];
        var report = export.Reports[file];
        var rows = new List<(int, IReadOnlyList<string>)>();
        var first = true;
        foreach (var record in LegacyCsv.Read(text))
        {
            if (first)
            {
                first = false;
                if (!record.Fields.Select(f => f.Trim()).SequenceEqual(header))
                {
                    throw new LegacyFormatException($"{file} の見出し行が旧システムの形式（{string.Join(",", header)}）と違います。");
                }
                continue;
            }
            report.RowsRead++;
            if (record.Error is { } error) report.Rejects.Add(new Reject(file, record.Line, error, record.Fields));
            else if (record.Fields.Count != header.Length)
            {
                report.Rejects.Add(new Reject(file, record.Line, $"列の数が {record.Fields.Count} です（{header.Length} 列のはずです）。", record.Fields));
            }
            else rows.Add((record.Line, record.Fields));
        }
        if (first) throw new LegacyFormatException($"{file} に見出し行がありません。");
        return rows;
    }

    private static void ValidateDepartments(LegacyExport export, List<(int Line, IReadOnlyList<string> Fields)> rows, Dictionary<string, int> existing)
    {
        var report = export.Reports[DepartmentsFile];
        var candidates = new List<DepartmentRow>();
        var fieldsOf = new Dictionary<DepartmentRow, IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in rows)
        {
            var code = LegacyText.Fold(f[0]);
            var parent = LegacyText.Fold(f[2]);
            string? reason = null;
            DateOnly? closed = null;
            if (!CodePattern().IsMatch(code)) reason = $"所属コード「{f[0]}」は半角英数字とハイフン20文字以内ではありません。";
            else if (!seen.Add(code)) reason = $"所属コード {code} が重複しています。";
            else if (LegacyText.Text(f[1]) is not { } name || name.Length > 100) reason = "所属名がないか、100文字を超えています。";
            else if (parent == code) reason = "上位所属コードが自分自身です。";
            else if (f[3].Trim().Length > 0)
            {
                if (LegacyDate.TryParse(f[3], out var on, out var error)) closed = on;
                else reason = "廃止日: " + error;
            }
            if (reason is not null) { report.Rejects.Add(new Reject(DepartmentsFile, line, reason, f)); continue; }
            var row = new DepartmentRow(line, code, LegacyText.Text(f[1])!, parent.Length == 0 ? null : parent, closed);
            candidates.Add(row);
            fieldsOf[row] = f;
        }
        // Levels follow the tree (部 → 課 → 係); a parent may come later in the file or already be in the database.
        var levels = new Dictionary<string, int>(existing);
        var pending = candidates.ToList();
        bool progress;
        do
        {
            progress = false;
            foreach (var row in pending.ToList())
            {
                int level;
                if (row.ParentCode is null) level = 1;
                else if (levels.TryGetValue(row.ParentCode, out var parentLevel)) level = parentLevel + 1;
                else continue;
                pending.Remove(row);
                progress = true;
                if (existing.TryGetValue(row.Code, out var current) && current != level && row.ParentCode is not null)
                {
                    report.Rejects.Add(new Reject(DepartmentsFile, row.Line, $"所属コード {row.Code} はシステムでは別の階層にあります。", fieldsOf[row]));
                }
                else if (level > 3)
                {
                    report.Rejects.Add(new Reject(DepartmentsFile, row.Line, "所属の階層が深すぎます（部・課・係の3階層までです）。", fieldsOf[row]));
                }
                else
                {
                    levels[row.Code] = level;
                    export.Departments.Add(row);
                }
            }
        } while (progress && pending.Count > 0);
        foreach (var row in pending)
        {
            report.Rejects.Add(new Reject(DepartmentsFile, row.Line, $"上位所属コード {row.ParentCode} がSHOZOKU.csvにもシステムにもありません。", fieldsOf[row]));
        }
        report.Rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
    }

    private static void ValidateFaqs(LegacyExport export, List<(int Line, IReadOnlyList<string> Fields)> rows, HashSet<string> known)
    {
        var report = export.Reports[FaqFile];
        var seen = new HashSet<int>();
        foreach (var (line, f) in rows)
        {
            string? reason = null;
            var owner = LegacyText.Fold(f[5]);
            var views = LegacyText.Fold(f[10]);
            DateOnly registered = default, updated = default;
            int viewCount = 0;
            var visibility = (default(Kocho.Faq.Entries.FaqVisibility), false);
            if (!int.TryParse(LegacyText.Fold(f[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                reason = $"FAQ番号「{f[0]}」は1以上の整数ではありません。";
            else if (!seen.Add(number)) reason = $"FAQ番号 {number} が重複しています。";
            else if (LegacyText.Text(f[3]) is not { } q || q.Length > 500) reason = "質問がないか、500文字を超えています。";
            else if (LegacyText.Text(f[4]) is not { } a || a.Length > 20000) reason = "回答がないか、20000文字を超えています。";
            else if (!known.Contains(owner)) reason = $"担当課コード「{f[5]}」がSHOZOKU.csvにもシステムにもありません。";
            else if (!LegacyMapping.FaqVisibilities.TryGetValue(f[7].Trim(), out visibility)) reason = $"公開区分「{f[7]}」は使えません（公開・内部・非公開）。";
            else if (!LegacyDate.TryParse(f[8], out registered, out var e1)) reason = "登録日: " + e1;
            else if (!LegacyDate.TryParse(f[9], out updated, out var e2)) reason = "更新日: " + e2;
            else if (updated < registered) reason = "更新日が登録日より前です。";
            else if (views.Length > 0 && (!int.TryParse(views, NumberStyles.None, CultureInfo.InvariantCulture, out viewCount))) reason = $"閲覧数「{f[10]}」は0以上の整数ではありません。";
            if (reason is not null) { report.Rejects.Add(new Reject(FaqFile, line, reason, f)); continue; }
            export.Faqs.Add(new FaqRow(line, number, LegacyText.Text(f[1]), LegacyText.Text(f[2]), LegacyText.Text(f[3])!, LegacyText.Text(f[4])!,
                owner, visibility.Item1, visibility.Item2, f[7].Trim(), registered, updated, viewCount));
        }
    }

    private static void ValidateCases(LegacyExport export, List<(int Line, IReadOnlyList<string> Fields)> rows, HashSet<string> known)
    {
        var report = export.Reports[CasesFile];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in rows)
        {
            string? reason = null;
            var m = ReceiptPattern().Match(LegacyText.Fold(f[0]));
            var lead = LegacyText.Fold(f[13]);
            var related = LegacyText.Fold(f[14]).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var anonymous = LegacyText.Fold(f[6]);
            DateOnly received = default, answeredOn = default;
            Channel channel = default;
            CaseKind kind = default;
            CaseStatus status = default;
            var subject = LegacyText.Text(f[4]);
            var body = LegacyText.Text(f[5]);
            var answer = LegacyText.Text(f[17]);
            var hasAnswerDate = f[16].Trim().Length > 0;
            var unknown = related.Prepend(lead).FirstOrDefault(c => c.Length > 0 && !known.Contains(c));
            if (!m.Success || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == 0) reason = $"受付番号「{f[0]}」の形式が違います（例: 2013-000123）。";
            else if (!LegacyDate.TryParse(f[1], out received, out var e1)) reason = "受付日: " + e1;
            else if (!LegacyMapping.TryMap(LegacyMapping.Channels, f[2], out channel)) reason = $"受付媒体「{f[2]}」は旧システムの区分にありません。";
            else if (!LegacyMapping.TryMap(LegacyMapping.Kinds, f[3], out kind)) reason = $"種別「{f[3]}」は旧システムの区分にありません。";
            else if (subject is null || subject.Length > 200) reason = "件名がないか、200文字を超えています。";
            else if (body is null) reason = "内容がありません。";
            else if (anonymous is not ("0" or "1")) reason = $"匿名「{f[6]}」は 0 か 1 で入れてください。";
            else if (unknown is not null) reason = $"所属コード「{unknown}」がSHOZOKU.csvにもシステムにもありません。";
            else if (!LegacyMapping.TryMap(LegacyMapping.States, f[15], out status)) reason = $"状態「{f[15]}」は旧システムの区分にありません。";
            else if (status != CaseStatus.Received && lead.Length == 0) reason = $"状態が「{f[15].Trim()}」なのに主管課コードがありません。";
            else if (hasAnswerDate && !LegacyDate.TryParse(f[16], out answeredOn, out var e2)) reason = "回答日: " + e2;
            else if (hasAnswerDate && answeredOn < received) reason = "回答日が受付日より前です。";
            else if (status is CaseStatus.Answered or CaseStatus.Completed && (!hasAnswerDate || answer is null)) reason = $"状態が「{f[15].Trim()}」なのに回答日か回答内容がありません。";
            string receipt = "";
            if (reason is null)
            {
                receipt = ReceiptNumbers.Format(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                if (!seen.Add(receipt)) reason = $"受付番号 {receipt} が重複しています。";
            }
            if (reason is not null) { report.Rejects.Add(new Reject(CasesFile, line, reason, f)); continue; }
            var isAnonymous = anonymous == "1";
            string? Contact(string value) => isAnonymous ? null : LegacyText.Text(value);
            export.Cases.Add(new CaseRow(line, receipt, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                received, channel, kind, subject!, body!, isAnonymous, Contact(f[7]), Contact(f[8]), Contact(f[9]), Contact(f[10]), Contact(f[11]), Contact(f[12]),
                lead.Length == 0 ? null : lead, related.Where(r => r != lead).Distinct().ToList(),
                LegacyMapping.StatusOf(status, lead.Length > 0), hasAnswerDate ? answeredOn : null, answer));
        }
    }

    private static void ValidateHistory(LegacyExport export, List<(int Line, IReadOnlyList<string> Fields)> rows, HashSet<string> known,
        HashSet<string> receipts, HashSet<string> rejectedCases)
    {
        var report = export.Reports[HistoryFile];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in rows)
        {
            string? reason = null;
            var m = ReceiptPattern().Match(LegacyText.Fold(f[0]));
            var receipt = m.Success ? ReceiptNumbers.Format(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : "";
            var department = LegacyText.Fold(f[2]);
            DateTime at = default;
            Kocho.Opinions.History.HistoryAction action = default;
            if (!m.Success) reason = $"受付番号「{f[0]}」の形式が違います（例: 2013-000123）。";
            else if (!receipts.Contains(receipt))
                reason = rejectedCases.Contains(LegacyText.Fold(f[0])) || rejectedCases.Contains(receipt)
                    ? $"受付番号 {receipt} の意見等の行が取り込めないため、この履歴も取り込めません。"
                    : $"受付番号 {receipt} の意見等がIKEN.csvにもシステムにもありません。";
            else if (!LegacyDate.TryParseDateTime(f[1], out at, out var error)) reason = "処理日時: " + error;
            else if (department.Length > 0 && !known.Contains(department)) reason = $"所属コード「{f[2]}」がSHOZOKU.csvにもシステムにもありません。";
            else if (!LegacyMapping.TryMap(LegacyMapping.HistoryActions, f[3], out action)) reason = $"処理区分「{f[3]}」は旧システムの区分にありません。";
            HistoryRow? row = null;
            if (reason is null)
            {
                row = new HistoryRow(line, receipt, at, department.Length == 0 ? null : department, action, LegacyText.Text(f[4]),
                    LegacyText.Text(f[5]) ?? "（旧システム）");
                if (row.ActorName.Length > 100) reason = "担当者名が100文字を超えています。";
                else if (!seen.Add(row.Key)) reason = "同じ履歴の行がすでにあります（重複）。";
            }
            if (reason is not null) { report.Rejects.Add(new Reject(HistoryFile, line, reason, f)); continue; }
            export.History.Add(row!);
        }
    }
}
