using System.Net;
using Kocho.Core.Data;
using Kocho.Core.Settings;
using Kocho.Faq.Entries;
using Kocho.Faq.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary>Versions: editing a published entry makes a draft while the published answer stays live; diffs; restoring; approval routes with a second step.</summary>
[Trait("Category", "Integration")]
[Collection(FaqHostFixture.Collection)]
public sealed class FaqVersionsTests(FaqHostFixture fixture)
{
    [Fact]
    public async Task Editing_a_published_entry_keeps_it_live_until_the_new_version_is_approved_and_old_versions_can_be_restored()
    {
        using var editor = await fixture.StaffAsync("koseki.nakamura");
        using var approver = await fixture.StaffAsync("koseki.fujita");
        using var resident = fixture.Host.PublicClient();
        const int number = 3;
        var before = await resident.GetStringAsync($"/faq/{number}");
        var entry = await fixture.EntryAsync(number);
        var published = await fixture.DbAsync(db => db.Versions.AsNoTracking().SingleAsync(v => v.Id == entry.PublishedVersionId));

        var saved = await editor.PostFormAsync($"/admin/faq/edit/{number}", new()
        {
            ["Input.Question"] = published.Question, ["Input.Answer"] = published.Answer + "\n\n令和8年4月から手数料が変わります。",
            ["Input.Department"] = "0502", ["Input.Visibility"] = "Public", ["Input.Keywords"] = published.Keywords,
        });
        Assert.Contains("下書きを保存しました。", await saved.Content.ReadAsStringAsync());
        var during = await resident.GetStringAsync($"/faq/{number}");
        Assert.DoesNotContain("令和8年4月から手数料が変わります。", during);

        var diff = await editor.GetStringAsync($"/admin/faq/{number}/diff?from=1&to=2");
        Assert.Contains("<ins>令和8年4月から手数料が変わります。</ins>", diff);

        await FaqHostFixture.ActAsync(editor, number, "Submit", "手数料改定の予告");
        await FaqHostFixture.ActAsync(approver, number, "Approve");
        Assert.Contains("令和8年4月から手数料が変わります。", await resident.GetStringAsync($"/faq/{number}"));
        var statuses = await fixture.DbAsync(db => db.Versions.Where(v => v.EntryId == entry.Id).OrderBy(v => v.VersionNumber).Select(v => v.Status).ToListAsync());
        Assert.Equal([FaqVersionStatus.Superseded, FaqVersionStatus.Published], statuses);

        var restored = await editor.PostFormAsync($"/admin/faq/{number}?version=1", new(), handler: "Restore");
        Assert.Contains("古い版の内容を新しい下書きにしました。", await restored.Content.ReadAsStringAsync());
        var third = await fixture.DbAsync(db => db.Versions.AsNoTracking().SingleAsync(v => v.EntryId == entry.Id && v.VersionNumber == 3));
        Assert.Equal(FaqVersionStatus.Draft, third.Status);
        Assert.Equal(published.Answer, third.Answer);
        var again = await editor.PostFormAsync($"/admin/faq/{number}?version=1", new(), handler: "Restore");
        Assert.Contains("作業中の版（第3版・下書き）があります。", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_diff_marks_deleted_and_added_lines_and_keeps_common_ones()
    {
        var diff = FaqDiff.Compare(["質問: A", "回答:", "一行目", "二行目"], ["質問: A", "回答:", "一行目", "新しい二行目", "三行目"]);
        Assert.Equal(
            [(FaqDiffKind.Same, "質問: A"), (FaqDiffKind.Same, "回答:"), (FaqDiffKind.Same, "一行目"), (FaqDiffKind.Deleted, "二行目"), (FaqDiffKind.Added, "新しい二行目"), (FaqDiffKind.Added, "三行目")],
            diff.Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public async Task A_department_with_a_second_step_needs_the_public_hearing_section_after_its_own_approver()
    {
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SiteSettings>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(ct => settings.SetRawAsync("Faq.ApprovalSteps",
                """{ "1002": [ { "name": "課長" }, { "name": "広聴担当課", "department": "0103" } ] }""", ct));
        }
        using var editor = await fixture.StaffAsync("doro.matsumoto");
        using var chief = await fixture.StaffAsync("doro.shimizu");
        using var hearing = await fixture.StaffAsync("kocho.yamaguchi");
        var number = await fixture.CreateAsync(editor, "歩道の段差を直してほしいときはどこに連絡しますか。", "道路課にご連絡ください。場所がわかる写真があると早く対応できます。", "1002");
        await FaqHostFixture.ActAsync(editor, number, "Submit");
        Assert.DoesNotContain($"faq-approval-{number}\"", await hearing.GetStringAsync("/admin/faq/approvals"));

        Assert.Contains("承認しました。", await (await FaqHostFixture.ActAsync(chief, number, "Approve")).Content.ReadAsStringAsync());
        Assert.Null((await fixture.EntryAsync(number)).LiveVersionId);
        var notChiefsStep = await FaqHostFixture.ActAsync(chief, number, "Approve");
        Assert.Contains("この版は「広聴担当課」の承認を待っています。あなたはこの段階の承認者ではありません。", await notChiefsStep.Content.ReadAsStringAsync());

        Assert.Contains($"faq-approval-{number}\"", await hearing.GetStringAsync("/admin/faq/approvals"));
        await FaqHostFixture.ActAsync(hearing, number, "Approve");
        Assert.NotNull((await fixture.EntryAsync(number)).LiveVersionId);
        using var resident = fixture.Host.PublicClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/faq/{number}")).StatusCode);
    }

    [Fact]
    public async Task Department_staff_see_and_edit_only_their_own_departments_entries()
    {
        using var gomi = await fixture.StaffAsync("gomi.hayashi");
        var list = await gomi.GetStringAsync("/admin/faq?Filter.Q=" + Uri.EscapeDataString("住民票"));
        Assert.DoesNotContain("data-testid=\"faq-row-1\"", list);
        Assert.Equal(HttpStatusCode.NotFound, (await gomi.GetAsync("/admin/faq/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gomi.GetAsync("/admin/faq/edit/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gomi.GetAsync("/admin/faq/1/diff?from=1&to=1")).StatusCode);

        // Choosing another department as owner is refused.
        var response = await gomi.PostFormAsync("/admin/faq/edit", new()
        {
            ["Input.Question"] = "他課のFAQ", ["Input.Answer"] = "回答", ["Input.Department"] = "0502", ["Input.Visibility"] = "Public",
        });
        Assert.Contains("自分の所属以外の課を担当課にはできません。", await response.Content.ReadAsStringAsync());

        using var hearing = await fixture.StaffAsync("kocho.yamaguchi");
        Assert.Contains("data-testid=\"faq-row-1\"", await hearing.GetStringAsync("/admin/faq?Filter.Q=1"));
    }

    [Fact]
    public async Task Entries_not_reviewed_for_twelve_months_are_listed_for_their_own_department()
    {
        var entry = await fixture.DbAsync(async db =>
        {
            var e = await db.Entries.Join(db.Versions, x => x.LiveVersionId, v => v.Id, (x, v) => x)
                .Where(x => x.OwnerDepartmentId == db.Entries.Where(y => y.Number == 1).Select(y => y.OwnerDepartmentId).First() && x.Number > 10)
                .OrderBy(x => x.Number).FirstAsync();
            e.LastReviewedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-13);
            await db.SaveChangesAsync();
            return e;
        });
        using var koseki = await fixture.StaffAsync("koseki.nakamura");
        using var gomi = await fixture.StaffAsync("gomi.hayashi");
        Assert.Contains($"data-testid=\"faq-review-{entry.Number}\"", await koseki.GetStringAsync("/admin/faq/reviews"));
        Assert.DoesNotContain($"data-testid=\"faq-review-{entry.Number}\"", await gomi.GetStringAsync("/admin/faq/reviews"));

        await FaqHostFixture.ActAsync(koseki, entry.Number, "Reviewed");
        Assert.DoesNotContain($"data-testid=\"faq-review-{entry.Number}\"", await koseki.GetStringAsync("/admin/faq/reviews"));
    }
}
