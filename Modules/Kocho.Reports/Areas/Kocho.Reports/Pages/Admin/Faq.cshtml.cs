using Kocho.Core.Reporting;
using Kocho.Reports.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Reports.Areas.Kocho.Reports.Pages.Admin;

/// <summary>FAQの利用状況: views per entry, helpfulness, suggestions shown vs opened (deflection), zero-hit searches by query.</summary>
[Authorize(Policy = Permissions.ViewReportsName)]
public sealed class FaqModel(IFaqStatisticsSource faq) : PageModel
{
    public const int Top = 50;

    public FaqEntryStatistics Totals { get; private set; } = new(0, "", 0, 0, 0, 0, 0);
    public IReadOnlyList<FaqEntryStatistics> Entries { get; private set; } = [];
    public IReadOnlyList<FaqZeroHitStatistics> ZeroHits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Totals = await faq.TotalsAsync(cancellationToken);
        Entries = await faq.TopEntriesAsync(Top, cancellationToken);
        ZeroHits = await faq.ZeroHitQueriesAsync(Top, cancellationToken);
    }

    public static string Share(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P0");

    public ChartData ViewsChart() => new("faq-views", "閲覧数の多いFAQ（上位10件）",
        string.Join("、", Entries.Take(10).Select(e => $"No.{e.Number} {e.Views}回")), ChartKind.Bar,
        Entries.Take(10).Select(e => "No." + e.Number).ToList(),
        [new("閲覧数", Entries.Take(10).Select(e => (double)e.Views).ToList()), new("候補から表示", Entries.Take(10).Select(e => (double)e.SuggestionsOpened).ToList())]);
}
