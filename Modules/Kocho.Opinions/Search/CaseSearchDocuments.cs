using System.Globalization;
using System.Runtime.CompilerServices;
using Kocho.Core.Protection.Redaction;
using Kocho.Core.Residents;
using Kocho.Core.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Search;

/// <summary>
/// A case as the "cases" index holds it: subject and body redacted of the sender's details (DESIGN.md: the index is
/// not encrypted), tags to filter on (department ids of the active forwardings, status, channel, kind, category, 年度).
/// </summary>
public sealed class CaseSearchDocuments(OpinionsDbContext db, CaseQueries queries, IResidentDirectory residents, IPersonalDataRedactor redactor)
{
    private const int PageSize = 200;

    public async Task<SearchDocument?> BuildAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var opinionCase = await Cases().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return opinionCase is null ? null : await ToDocumentAsync(opinionCase, cancellationToken);
    }

    /// <summary>Every case, a page at a time in 受付番号 order (keyset), so a rebuild never holds all cases at once.</summary>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in queries.InReceiptOrderAsync(Cases(), PageSize, cancellationToken))
        {
            foreach (var opinionCase in page)
            {
                yield return await ToDocumentAsync(opinionCase, cancellationToken);
            }
        }
    }

    private IQueryable<OpinionCase> Cases() =>
        db.Cases.AsNoTracking().AsSplitQuery().Include(c => c.Categories).Include(c => c.Forwardings);

    /// <summary>The document of a case already read with its categories and forwardings (no second read of the case).</summary>
    public Task<SearchDocument> BuildAsync(OpinionCase loaded, CancellationToken cancellationToken) => ToDocumentAsync(loaded, cancellationToken);

    private async Task<SearchDocument> ToDocumentAsync(OpinionCase c, CancellationToken cancellationToken)
    {
        var personal = new List<string?> { c.ContactName, c.ContactAddress, c.ContactPhone, c.ContactFax, c.ContactEmail, c.ContactPostalCode };
        if (c.ResidentUserId is not null && await residents.FindAsync(c.ResidentUserId, cancellationToken) is { } resident)
        {
            personal.AddRange([resident.Name, resident.Address, resident.Phone, resident.Fax, resident.Email, resident.PostalCode]);
        }
        var active = c.Forwardings.Where(f => f.IsActive).ToList();
        var tags = new Dictionary<string, IReadOnlyList<string>>
        {
            [CaseIndex.Department] = active.Select(f => f.DepartmentId.ToString()).Distinct().ToList(),
            [CaseIndex.Forwarded] = [active.Count > 0 ? "yes" : "no"],
            [CaseIndex.Status] = [c.Status.ToString()],
            [CaseIndex.Channel] = [c.Channel.ToString()],
            [CaseIndex.Kind] = [c.Kind.ToString()],
            [CaseIndex.Category] = c.Categories.Select(x => x.CategoryId.ToString()).ToList(),
            [CaseIndex.FiscalYear] = [c.FiscalYear.ToString(CultureInfo.InvariantCulture)],
            [CaseIndex.ReceiptNumber] = [c.ReceiptNumber],
        };
        if (c.LeadDepartmentId is { } lead && active.Count > 0) tags[CaseIndex.Lead] = [lead.ToString()];
        return new SearchDocument
        {
            Id = c.Id.ToString(),
            Title = redactor.Redact(c.Subject, personal).WithUniformMask(),
            Body = redactor.Redact(c.Body, personal).WithUniformMask(),
            Tags = tags,
            Date = c.ReceivedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
    }
}
