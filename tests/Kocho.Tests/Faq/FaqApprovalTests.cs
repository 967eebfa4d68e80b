using System.Net;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary>
/// 電子的な承認依頼と上位者の承認: an editor of 戸籍住民課 drafts and submits, the section's approver returns it, the editor
/// fixes it, the approver approves, and the entry is on the public site; the rules of the one state machine hold on the way.
/// </summary>
[Trait("Category", "Integration")]
[Collection(FaqHostFixture.Collection)]
public sealed class FaqApprovalTests(FaqHostFixture fixture)
{
    [Fact]
    public async Task Draft_submit_return_fix_approve_publishes_and_the_public_site_shows_it()
    {
        using var editor = await fixture.StaffAsync("koseki.nakamura");
        using var approver = await fixture.StaffAsync("koseki.fujita");
        var number = await fixture.CreateAsync(editor, "戸籍謄本を郵送で請求するにはどうすればよいですか。", "請求書に必要事項を書き、手数料の定額小為替と返信用封筒を同封してください。", "0502", keywords: "戸籍謄本\n郵送");

        using var anonymous = fixture.Host.PublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/faq/{number}")).StatusCode);

        var submitted = await FaqHostFixture.ActAsync(editor, number, "Submit", "確認をお願いします。");
        Assert.Contains("承認依頼しました。", await submitted.Content.ReadAsStringAsync());

        // The editor cannot approve their own draft, even with the page's form handler.
        var self = await FaqHostFixture.ActAsync(editor, number, "Approve");
        Assert.Contains("自分が編集・承認依頼した版は承認・差戻しできません。", await self.Content.ReadAsStringAsync());

        var queue = await approver.GetStringAsync("/admin/faq/approvals");
        Assert.Contains($"data-testid=\"faq-approval-{number}\"", queue);
        var review = await approver.GetStringAsync($"/admin/faq/{number}");
        Assert.Contains("data-testid=\"diff-added\"", review);

        var noReason = await FaqHostFixture.ActAsync(approver, number, "Return", "");
        Assert.Contains("差し戻す理由をコメントに入力してください。", await noReason.Content.ReadAsStringAsync());
        var returned = await FaqHostFixture.ActAsync(approver, number, "Return", "手数料の金額を書いてください。");
        Assert.Contains("差し戻しました。", await returned.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"data-testid=\"faq-approval-{number}\"", await approver.GetStringAsync("/admin/faq/approvals"));

        var fixedDraft = await editor.PostFormAsync($"/admin/faq/edit/{number}", new()
        {
            ["Input.Question"] = "戸籍謄本を郵送で請求するにはどうすればよいですか。",
            ["Input.Answer"] = "請求書に必要事項を書き、手数料（1通450円）の定額小為替と返信用封筒を同封してください。",
            ["Input.Department"] = "0502", ["Input.Visibility"] = "Public", ["Input.Keywords"] = "戸籍謄本\n郵送",
        });
        Assert.Contains("下書きを保存しました。", await fixedDraft.Content.ReadAsStringAsync());
        await FaqHostFixture.ActAsync(editor, number, "Submit", "金額を追記しました。");
        var approved = await FaqHostFixture.ActAsync(approver, number, "Approve", "承認します。");
        Assert.Contains("承認しました。", await approved.Content.ReadAsStringAsync());

        var page = await anonymous.GetStringAsync($"/faq/{number}");
        Assert.Contains("1通450円", page);
        Assert.Contains("戸籍住民課", page);
        var search = await anonymous.GetStringAsync("/faq/search?q=" + Uri.EscapeDataString("戸籍謄本 郵送"));
        Assert.Contains($"data-testid=\"faq-result-{number}\"", search);

        var history = await fixture.DbAsync(db => db.History.Where(h => h.EntryId == db.Entries.Single(e => e.Number == number).Id).OrderBy(h => h.OccurredAt).Select(h => h.Action).ToListAsync());
        Assert.Equal(["created", "submitted", "returned", "edited", "submitted", "approved", "published"], history);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_in_Japanese_and_change_nothing()
    {
        using var editor = await fixture.StaffAsync("gomi.hayashi");
        using var approver = await fixture.StaffAsync("gomi.okada");
        var number = await fixture.CreateAsync(editor, "粗大ごみの収集日を変更できますか。", "粗大ごみ受付センターに電話で連絡してください。", "1102");

        var approveDraft = await FaqHostFixture.ActAsync(approver, number, "Approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approveDraft.StatusCode);
        Assert.Contains("この版は「下書き」のため、承認・差戻しはできません。", await approveDraft.Content.ReadAsStringAsync());

        await FaqHostFixture.ActAsync(editor, number, "Submit");
        var again = await FaqHostFixture.ActAsync(editor, number, "Submit");
        Assert.Contains("この版は「承認待」のため、承認依頼することはできません。", await again.Content.ReadAsStringAsync());
        var edit = await editor.PostFormAsync($"/admin/faq/edit/{number}", new() { ["Input.Question"] = "変更", ["Input.Answer"] = "変更", ["Input.Department"] = "1102", ["Input.Visibility"] = "Public" });
        Assert.Contains("この版は「承認待」のため、編集することはできません。", await edit.Content.ReadAsStringAsync());

        // Another department's approver is not this step's approver: the entry does not even exist for them.
        using var otherApprover = await fixture.StaffAsync("koseki.fujita");
        Assert.Equal(HttpStatusCode.NotFound, (await otherApprover.GetAsync($"/admin/faq/{number}")).StatusCode);
        Assert.DoesNotContain($"faq-approval-{number}\"", await otherApprover.GetStringAsync("/admin/faq/approvals"));

        var entry = await fixture.EntryAsync(number);
        var status = await fixture.DbAsync(db => db.Versions.Where(v => v.Id == entry.WorkingVersionId).Select(v => v.Status).SingleAsync());
        Assert.Equal(FaqVersionStatus.Pending, status);
        Assert.Null(entry.PublishedVersionId);
    }
}
