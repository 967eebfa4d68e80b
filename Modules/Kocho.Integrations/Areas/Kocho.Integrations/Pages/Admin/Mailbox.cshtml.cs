using Kocho.Integrations.Data;
using Kocho.Integrations.Mailbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Integrations.Areas.Kocho.Integrations.Pages.Admin;

/// <summary>
/// 区長へのメール: what the intake made of each mail (a case, a history entry, set aside, refused) and whether it was
/// moved out of the inbox, so the section can answer "did my mail arrive?" and see refused mails. No personal data:
/// the log holds the receipt number and the reason only.
/// </summary>
[Authorize(Policy = Permissions.ViewMailboxLogName)]
public sealed class MailboxModel(IntegrationsDbContext db) : PageModel
{
    public const int PageSize = 200;

    public MailboxOutcome? Outcome { get; private set; }
    public IReadOnlyList<MailboxMessage> Messages { get; private set; } = [];
    public IReadOnlyDictionary<MailboxOutcome, int> Counts { get; private set; } = new Dictionary<MailboxOutcome, int>();

    public async Task OnGetAsync(MailboxOutcome? outcome, CancellationToken cancellationToken)
    {
        Outcome = outcome is { } o && Enum.IsDefined(o) ? o : null;
        var query = db.MailboxMessages.AsNoTracking();
        if (Outcome is { } chosen) query = query.Where(m => m.Outcome == chosen);
        Messages = await query.OrderByDescending(m => m.ProcessedAt).Take(PageSize).ToListAsync(cancellationToken);
        Counts = await db.MailboxMessages.AsNoTracking().GroupBy(m => m.Outcome)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public int Count(MailboxOutcome outcome) => Counts.TryGetValue(outcome, out var n) ? n : 0;

    public static string Label(MailboxOutcome outcome) => outcome switch
    {
        MailboxOutcome.CaseCreated => "新しい意見等として受付",
        MailboxOutcome.AddedToCase => "受付番号の意見等の処理履歴へ",
        MailboxOutcome.Ignored => "自動応答・配信不能通知（受付せず）",
        _ => "受け付けられないメール",
    };
}
