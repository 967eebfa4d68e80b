using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Privacy.AccessReports;

/// <summary>
/// アクセス記録 (特記事項 11–12): per user and period, which personal records were viewed or exported, read from the audit trail
/// (views of a case's sender, contacts and attachments, exports with personal data, downloads of prepared files, incident reports).
/// </summary>
public sealed partial class AccessReport(AuditDbContext db)
{
    public const int PageLimit = 1000;
    private const int BatchSize = 1000;

    /// <summary>Audit actions that are a view or an export of personal records, with their Japanese label.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["opinion.personal.viewed"] = "意見等の差出人情報の閲覧",
        ["opinion.attachment.viewed"] = "添付ファイルの閲覧",
        ["user.contact.viewed"] = "職員・区民の連絡先の閲覧",
        ["opinion.cases.exported.personal"] = "意見等の出力（個人情報を含む）",
        ["opinion.history.exported.personal"] = "処理履歴の出力（個人情報を含む）",
        ["report.export.downloaded"] = "出力ファイルのダウンロード",
        ["privacy.incident.viewed"] = "事故報告の閲覧",
        ["privacy.disclosure.request"] = "開示請求による本人情報の出力",
        ["privacy.faqdraft.masked.viewed"] = "FAQ下書きでのマスキング前の値の閲覧",
        ["api.case.personal.read"] = "APIによる差出人情報の参照",
        ["api.history.personal.read"] = "APIによる処理履歴メモの参照",
    };

    private static readonly string[] Keys = [.. Actions.Keys];

    public async Task<IReadOnlyList<AccessRecord>> ListAsync(string? user, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var records = await Query(user, from, to).OrderByDescending(r => r.Sequence).Take(PageLimit + 1).ToListAsync(cancellationToken);
        return records.Select(ToAccess).ToList();
    }

    /// <summary>Every matching record, oldest first, a batch at a time (keyset on the sequence), for the CSV.</summary>
    public async IAsyncEnumerable<AccessRecord> ReadAllAsync(string? user, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var batch = await Query(user, from, to).Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var r in batch) yield return ToAccess(r);
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Sequence;
        }
    }

    private IQueryable<AuditRecord> Query(string? user, DateOnly from, DateOnly to)
    {
        var start = JapanTime.StartOfDayUtc(from);
        var end = JapanTime.StartOfDayUtc(to.AddDays(1));
        var query = db.Records.AsNoTracking().Where(r => Keys.Contains(r.Action) && r.OccurredAt >= start && r.OccurredAt < end);
        if (!string.IsNullOrWhiteSpace(user))
        {
            var u = user.Trim();
            query = query.Where(r => r.ActorId == u || r.ActorName.Contains(u));
        }
        return query;
    }

    private static AccessRecord ToAccess(AuditRecord r) => new(r.Sequence, r.OccurredAt, r.ActorName, r.ActorId, r.Action, Actions.GetValueOrDefault(r.Action, r.Action),
        r.EntityType, r.EntityId, r.Details is { } d && RowsPattern().Match(d) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
        r.Details);

    [GeneratedRegex(@"\b(?:rows|cases)=(\d+)")]
    private static partial Regex RowsPattern();
}
