using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Search;
using Kocho.Faq.Legacy;
using Kocho.Faq.Search;
using Kocho.Opinions.Legacy;
using Kocho.Opinions.Search;
using Microsoft.EntityFrameworkCore;
using static Kocho.Migration.Import.LegacyExport;

namespace Kocho.Migration.Import;

/// <summary>
/// データベースの移行: writes the valid rows of a validated export in one transaction — departments (Core), FAQ entries and
/// cases with their history through the owning modules' legacy import APIs — skipping rows already imported (by 所属コード,
/// FAQ番号, 受付番号 and the history row's key), and records the one authorisation of the migration in the audit trail.
/// In the same transaction it asks every node to rebuild the search indexes it touched (#12: the change feed).
/// </summary>
public sealed class LegacyImporter(
    UnitOfWork unitOfWork,
    CoreDbContext core,
    LegacyFaqImport faqs,
    LegacyCaseImport cases,
    BusinessCalendarService calendarService,
    IAuditTrail audit,
    SearchChangeFeed searchFeed,
    TimeProvider clock)
{
    public async Task<LegacyImportResult> ImportAsync(LegacyExport export, string source, IProgress<(string File, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var counts = new Dictionary<string, (int, int)>();
            var now = clock.GetUtcNow().UtcDateTime;

            var departments = await core.Departments.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
            var added = 0;
            var existingCount = 0;
            var order = 0;
            var maxSort = departments.Count == 0 ? 0 : departments.Values.Max(d => d.SortOrder);
            // Parents first: a row's parent is either in the database or earlier in this ordered list.
            foreach (var row in OrderByTree(export.Departments))
            {
                if (departments.TryGetValue(row.Code, out var current))
                {
                    existingCount++;
                    if (row.ClosedOn is { } closedOn && current.ValidTo is null) current.ValidTo = closedOn;
                    continue;
                }
                var parent = row.ParentCode is null ? null : departments[row.ParentCode];
                var department = new Department
                {
                    Code = row.Code, Name = row.Name, ParentId = parent?.Id,
                    Level = parent is null ? DepartmentLevel.Division : (DepartmentLevel)((int)parent.Level + 1),
                    ValidTo = row.ClosedOn, SortOrder = maxSort + ++order,
                };
                core.Departments.Add(department);
                departments[row.Code] = department;
                added++;
            }
            await core.SaveChangesAsync(ct);
            counts[DepartmentsFile] = (added, existingCount);
            progress?.Report((DepartmentsFile, export.Departments.Count, export.Departments.Count));

            var numbers = await faqs.ExistingNumbersAsync(ct);
            var categories = await core.Categories.AsNoTracking().ToListAsync(ct);
            var newFaqs = export.Faqs.Where(f => !numbers.Contains(f.Number)).Select(f => new LegacyFaq
            {
                Number = f.Number, Question = f.Question, Answer = f.Answer, OwnerDepartmentId = departments[f.OwnerCode].Id,
                CategoryId = LegacyCategories.Find(categories, f.MajorCategory, f.MinorCategory), Visibility = f.Visibility, Published = f.Published,
                RegisteredOn = f.RegisteredOn, UpdatedOn = f.UpdatedOn, ViewCount = f.ViewCount,
            }).ToList();
            await faqs.AddAsync(newFaqs, Progress(progress, FaqFile, newFaqs.Count), ct);
            counts[FaqFile] = (newFaqs.Count, export.Faqs.Count - newFaqs.Count);

            var receipts = await cases.ExistingReceiptNumbersAsync(ct);
            var calendar = await calendarService.LoadAsync(ct);
            var days = await calendarService.AnswerBusinessDaysAsync(ct);
            var newCases = export.Cases.Where(c => !receipts.Contains(c.ReceiptNumber)).Select(c => new LegacyCase
            {
                ReceiptNumber = c.ReceiptNumber, FiscalYear = c.FiscalYear, Sequence = c.Sequence, ReceivedOn = c.ReceivedOn,
                Channel = c.Channel, Kind = c.Kind, Subject = c.Subject, Body = c.Body, Anonymous = c.Anonymous,
                Name = c.Name, PostalCode = c.PostalCode, Address = c.Address, Phone = c.Phone, Fax = c.Fax, Email = c.Email,
                LeadDepartmentId = c.LeadCode is null ? null : departments[c.LeadCode].Id,
                RelatedDepartmentIds = c.RelatedCodes.Select(code => departments[code].Id).ToList(),
                Status = c.Status, AnswerDue = calendar.AddBusinessDays(c.ReceivedOn, days), AnsweredOn = c.AnsweredOn, AnswerText = c.AnswerText,
            }).ToList();
            await cases.AddCasesAsync(newCases, now, Progress(progress, CasesFile, newCases.Count), ct);
            counts[CasesFile] = (newCases.Count, export.Cases.Count - newCases.Count);

            var caseIds = await cases.CaseIdsAsync(export.History.Select(h => h.ReceiptNumber).Distinct().ToList(), ct);
            var fresh = newCases.Select(c => c.ReceiptNumber).ToHashSet(StringComparer.Ordinal);
            var earlier = caseIds.Where(p => !fresh.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            var codes = departments.Values.ToDictionary(d => d.Id, d => d.Code);
            var known = earlier.Count == 0 ? [] : (await cases.ReadHistoryAsync(earlier, ct))
                .Select(h => HistoryKey(h, codes)).ToHashSet(StringComparer.Ordinal);
            var newHistory = export.History.Where(h => !known.Contains(h.Key)).Select(h => new LegacyHistory(
                h.ReceiptNumber, LegacyTime.ToUtc(h.LocalAt), h.DepartmentCode is null ? null : departments[h.DepartmentCode].Id, h.Action, h.Note, h.ActorName)).ToList();
            await cases.AddHistoryAsync(newHistory, caseIds, Progress(progress, HistoryFile, newHistory.Count), ct);
            counts[HistoryFile] = (newHistory.Count, export.History.Count - newHistory.Count);

            // In the import's own transaction: every node rebuilds the indexes it touched from the database once it
            // commits (one marker in the change feed instead of a logged document per case).
            if (counts[FaqFile].Item1 > 0) searchFeed.Rebuild(FaqSearchDocuments.Index);
            if (counts[CasesFile].Item1 > 0 || counts[HistoryFile].Item1 > 0) searchFeed.Rebuild(CaseIndex.Name);

            var total = counts.Values.Sum(c => c.Item1);
            if (total > 0)
            {
                await audit.RecordAsync(new AuditEntry("migration.legacy.imported", "LegacyExport", source,
                    "旧システムからのデータ移行（一括承認）: " + string.Join("; ", counts.Select(c => $"{c.Key} 新規 {c.Value.Item1} 件・既存 {c.Value.Item2} 件")) +
                    $"; 除外 {export.RejectCount} 行"), ct);
            }
            return new LegacyImportResult(counts);
        }, cancellationToken);
    }

    /// <summary>The legacy key of a history entry read back from the database (same as <see cref="HistoryRow.Key"/>).</summary>
    public static string HistoryKey(LegacyHistory h, IReadOnlyDictionary<Guid, string> codes) =>
        new HistoryRow(0, h.ReceiptNumber, LegacyTime.ToLocal(h.At), h.DepartmentId is { } id ? codes.GetValueOrDefault(id) : null, h.Action, h.Note, h.ActorName).Key;

    private static IEnumerable<DepartmentRow> OrderByTree(List<DepartmentRow> rows)
    {
        var inFile = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        int Depth(DepartmentRow r) => r.ParentCode is { } p && inFile.TryGetValue(p, out var parent) ? Depth(parent) + 1 : 0;
        return rows.OrderBy(Depth).ThenBy(r => r.Line);
    }

    private static IProgress<int>? Progress(IProgress<(string, int, int)>? progress, string file, int total)
    {
        if (progress is null) return null;
        progress.Report((file, 0, total));
        return new Inline(done => progress.Report((file, done, total)));
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, which would reorder the console lines).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
