using Kocho.Core.Audit;
using Kocho.Core.Csv;
using Kocho.Core.Data;
using Kocho.Core.Reporting;
using Kocho.Reports.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Exports;

/// <summary>
/// CSV exports from the staff site, prepared in the background so the page can show real progress and, at the end, how many
/// characters Shift_JIS could not hold. 特記事項 8: the prepared file is kept only encrypted (Data Protection, in the database),
/// only for its owner, deleted when downloaded or after <see cref="Lifetime"/>, and each step is audited.
/// </summary>
public sealed class PreparedExports(ReportsDbContext db, UnitOfWork unitOfWork, IEnumerable<IReportExport> exports, IDataProtectionProvider protection,
    IAuditTrail audit, PreparedExportSignal signal, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const string Purpose = "Kocho.Reports.PreparedExport.v1";

    public IDataProtector Protector => protection.CreateProtector(Purpose);

    public async Task<PreparedExport> QueueAsync(string userId, string login, string actorName, IReportExport export, ReportExportRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var job = new PreparedExport
        {
            UserId = userId,
            ActorName = actorName,
            ExportName = export.Name,
            FileName = CsvFileExport.FileName(export.Name + (request.ShiftJis ? "-sjis" : ""), login, now),
            From = request.From,
            To = request.To,
            DepartmentId = request.DepartmentId,
            WithPersonalData = request.WithPersonalData,
            ShiftJis = request.ShiftJis,
            Reason = request.Reason,
            State = PreparedExportState.Queued,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + Lifetime).UtcDateTime,
        };
        await unitOfWork.ExecuteAsync(async ct =>
        {
            db.PreparedExports.Add(job);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry("report.export.requested", "PreparedExport", job.Id.ToString(),
                $"export={job.ExportName} personal={job.WithPersonalData} file={job.FileName}{(job.Reason is { } r ? " reason=" + r : "")}"), ct);
        }, cancellationToken);
        db.Entry(job).State = EntityState.Detached;
        signal.Notify();
        return job;
    }

    /// <summary>The user's own job; another person's is not found.</summary>
    public Task<PreparedExport?> FindAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.PreparedExports.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);

    /// <summary>Takes the oldest queued job for this node (a conditional update, so two nodes never run the same one).</summary>
    public async Task<PreparedExport?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var ids = await db.PreparedExports.AsNoTracking().Where(j => j.State == PreparedExportState.Queued)
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var taken = await db.PreparedExports.Where(j => j.Id == id && j.State == PreparedExportState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, PreparedExportState.Running), cancellationToken);
            if (taken == 1) return await db.PreparedExports.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
        }
        return null;
    }

    /// <summary>Runs a claimed job: the owning module's export written through encryption into chunks, progress as it goes.</summary>
    public async Task RunAsync(PreparedExport job, CancellationToken cancellationToken)
    {
        var export = exports.FirstOrDefault(e => e.Name == job.ExportName);
        if (export is null)
        {
            await FailAsync(job.Id, cancellationToken);
            return;
        }
        var request = new ReportExportRequest(job.From, job.To, job.DepartmentId, job.WithPersonalData, job.ShiftJis, job.Reason);
        var total = await export.CountAsync(request, cancellationToken);
        await db.PreparedExports.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Total, total), cancellationToken);
        ProtectedChunkStream? stream = null;
        stream = new ProtectedChunkStream(Protector, async (index, data, ct) =>
        {
            db.PreparedExportChunks.Add(new PreparedExportChunk { ExportId = job.Id, Index = index, Data = data });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var written = Math.Max(0, stream!.Records - 1);
            await db.PreparedExports.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Written, written), ct);
        });
        var result = await export.WriteAsync(stream, request, cancellationToken);
        await stream.CompleteAsync(cancellationToken);
        var ready = await unitOfWork.ExecuteAsync(async ct =>
        {
            var updated = await db.PreparedExports.Where(j => j.Id == job.Id && j.State == PreparedExportState.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, PreparedExportState.Ready)
                    .SetProperty(j => j.Written, result.Rows)
                    .SetProperty(j => j.Total, Math.Max(total, result.Rows))
                    .SetProperty(j => j.ReplacedCharacters, result.ReplacedCharacters)
                    .SetProperty(j => j.Chunks, stream.Chunks), ct);
            if (updated == 1)
            {
                await audit.RecordAsync(new AuditEntry("report.export.prepared", "PreparedExport", job.Id.ToString(),
                    $"export={job.ExportName} rows={result.Rows} replaced={result.ReplacedCharacters} personal={job.WithPersonalData}"), ct);
            }
            return updated == 1;
        }, cancellationToken);
        // Expired while it ran: nothing of it may stay.
        if (!ready) await DeleteContentAsync(job.Id, cancellationToken);
    }

    public async Task FailAsync(Guid id, CancellationToken cancellationToken)
    {
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await db.PreparedExports.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, PreparedExportState.Failed), ct);
            await DeleteContentAsync(id, ct);
            await audit.RecordAsync(new AuditEntry("report.export.failed", "PreparedExport", id.ToString()), ct);
        }, cancellationToken);
    }

    /// <summary>Writes the file to <paramref name="output"/>, decrypting one chunk at a time, then deletes it (one download).</summary>
    public async Task DownloadAsync(PreparedExport job, Stream output, CancellationToken cancellationToken)
    {
        var protector = Protector;
        for (var i = 0; i < job.Chunks; i++)
        {
            var index = i;
            var data = await db.PreparedExportChunks.AsNoTracking().Where(c => c.ExportId == job.Id && c.Index == index)
                .Select(c => c.Data).FirstAsync(cancellationToken);
            await output.WriteAsync(protector.Unprotect(data), cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await db.PreparedExports.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, PreparedExportState.Downloaded), ct);
            await DeleteContentAsync(job.Id, ct);
            await audit.RecordAsync(new AuditEntry("report.export.downloaded", "PreparedExport", job.Id.ToString(),
                $"export={job.ExportName} rows={job.Written} personal={job.WithPersonalData} file={job.FileName} deleted=true"), ct);
        }, CancellationToken.None);
    }

    /// <summary>Deletes the content of every job past its expiry (whether or not it was downloaded); returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.PreparedExports.AsNoTracking()
            .Where(j => j.ExpiresAt < now && j.State != PreparedExportState.Downloaded && j.State != PreparedExportState.Expired && j.State != PreparedExportState.Failed)
            .Select(j => j.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                await db.PreparedExports.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, PreparedExportState.Expired), ct);
                await DeleteContentAsync(id, ct);
                await audit.RecordAsync(new AuditEntry("report.export.expired", "PreparedExport", id.ToString(), "deleted=true"), ct);
            }, cancellationToken);
        }
        return expired.Count;
    }

    private Task<int> DeleteContentAsync(Guid id, CancellationToken cancellationToken) =>
        db.PreparedExportChunks.Where(c => c.ExportId == id).ExecuteDeleteAsync(cancellationToken);
}
