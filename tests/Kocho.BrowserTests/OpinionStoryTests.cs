using Kocho.Core.Departments;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// 意見等 from the web form to the answer, in Chromium: a guest sends an opinion, the public-hearing section forwards it,
/// the department drafts the answer, its approver approves, the section sends, and the guest reads it with the receipt
/// number and access code. The mail only says the answer is ready. Public pages are checked with axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OpinionStoryTests : IAsyncLifetime
{
    private const string AnswerText = "ご意見ありがとうございます。西新宿の歩道の段差は、来月中に補修します。";
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync("demo");

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task A_guest_opinion_is_forwarded_answered_approved_sent_and_read_with_the_access_code()
    {
        var page = _session.Page;
        var mail = new MailPickup(_session.Host.DataPath);

        foreach (var language in new[] { "en", "ja" })
        {
            await page.GotoAsync(_session.Public("/"));
            await page.GetByTestId("lang-" + language).ClickAsync();
            foreach (var path in new[] { "/opinions/new", "/opinions/answer" })
            {
                await page.GotoAsync(_session.Public(path));
                await _session.AssertAccessibleAsync();
            }
        }

        // The guest writes, is told what is missing, confirms and sends.
        await page.GotoAsync(_session.Public("/opinions/new"));
        Assert.Contains("個人情報", await page.GetByTestId("purpose").InnerTextAsync());
        await page.GetByTestId("opinion-subject").FillAsync("歩道の段差");
        await page.GetByTestId("opinion-name").FillAsync("西新宿 次郎");
        await page.GetByTestId("opinion-email").FillAsync("jiro.browser@example.jp");
        await page.GetByTestId("opinion-confirm").ClickAsync();
        Assert.Equal("内容を入力してください。", await page.GetByTestId("error-Input.Body").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("opinion-body").FillAsync("西新宿一丁目の歩道に段差があり、車いすで通れません。直してください。");
        await page.GetByTestId("opinion-kind").SelectOptionAsync("Request");
        await page.GetByTestId("opinion-confirm").ClickAsync();
        Assert.Equal("歩道の段差", await page.GetByTestId("confirm-subject").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("opinion-send").ClickAsync();
        var receipt = await page.GetByTestId("receipt-number").InnerTextAsync();
        var accessCode = await page.GetByTestId("access-code").InnerTextAsync();
        Assert.Matches(@"^\d{4}-\d{6}$", receipt);
        await _session.AssertAccessibleAsync();
        var receivedMail = await mail.WaitForAsync("jiro.browser@example.jp", receipt);
        Assert.Contains(accessCode, receivedMail.TextBody);

        // Before the answer, the guest sees that it is being handled.
        await page.GotoAsync(_session.Public("/opinions/answer"));
        await page.GetByTestId("answer-receipt").FillAsync(receipt);
        await page.GetByTestId("answer-code").FillAsync("XXXX-XXXX-XXXX");
        await page.GetByTestId("answer-submit").ClickAsync();
        Assert.Equal("受付番号またはアクセスコードが正しくありません。", await page.GetByTestId("answer-error").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        Guid Department(string code) => _session.Host.Services.CreateScope().ServiceProvider.GetRequiredService<DepartmentDirectory>()
            .FindByCodeAsync(code).GetAwaiter().GetResult()!.Id;

        // The section finds the case and forwards it to 道路課.
        await SignInAsAsync("kocho.yamaguchi");
        await page.GotoAsync(_session.Staff("/admin/opinions?receipt=" + receipt));
        await page.GetByTestId($"case-{receipt}").GetByTestId("case-link").ClickAsync();
        Assert.Equal("受付", await page.GetByTestId("case-status").InnerTextAsync());
        Assert.Equal("西新宿 次郎", await page.GetByTestId("contact-name").InnerTextAsync());
        await page.GetByTestId("forward-lead").SelectOptionAsync(Department("1002").ToString());
        await page.GetByTestId("forward-comment").FillAsync("現地の確認をお願いします。");
        await page.GetByTestId("forward-submit").ClickAsync();
        Assert.Equal("転送しました。", await page.GetByTestId("case-notice").InnerTextAsync());
        Assert.Equal("転送済", await page.GetByTestId("case-status").InnerTextAsync());
        var caseUrl = page.Url;

        // 道路課 drafts the answer and asks its approver.
        await SignInAsAsync("doro.matsumoto");
        await page.GotoAsync(_session.Staff("/admin/opinions"));
        await page.GetByTestId($"case-{receipt}").GetByTestId("case-link").ClickAsync();
        await page.GetByTestId("draft-text").FillAsync(AnswerText);
        await page.GetByTestId("draft-save").ClickAsync();
        Assert.Equal("回答案", await page.GetByTestId("case-status").InnerTextAsync());
        await page.GetByTestId("answer-submit").ClickAsync();
        Assert.Equal("承認待", await page.GetByTestId("case-status").InnerTextAsync());

        // The approver of 道路課 approves.
        await SignInAsAsync("doro.shimizu");
        await page.GotoAsync(_session.Staff("/admin/opinions?tab=AwaitingMyApproval"));
        await page.GetByTestId($"case-{receipt}").GetByTestId("case-link").ClickAsync();
        await page.GetByTestId("approve-comment").FillAsync("内容を確認しました。");
        await page.GetByTestId("answer-approve").ClickAsync();
        Assert.Equal("承認しました。", await page.GetByTestId("case-notice").InnerTextAsync());
        Assert.Equal("承認済", await page.GetByTestId("answer-status").InnerTextAsync());

        // The section reviews and sends.
        await SignInAsAsync("kocho.yamaguchi");
        await page.GotoAsync(caseUrl);
        Assert.Equal(AnswerText, await page.GetByTestId("send-text").InputValueAsync());
        await page.GetByTestId("answer-send").ClickAsync();
        Assert.Equal("回答済", await page.GetByTestId("case-status").InnerTextAsync());

        // The guest is told by mail that an answer is ready, without its text, and reads it on the site.
        var ready = await mail.WaitForAsync("jiro.browser@example.jp", "回答の準備ができました");
        Assert.Contains(receipt, ready.TextBody);
        Assert.DoesNotContain("段差は、来月中に補修します", ready.TextBody);
        Assert.DoesNotContain("段差は、来月中に補修します", ready.HtmlBody ?? "");
        await page.GotoAsync(_session.Public("/opinions/answer"));
        await page.GetByTestId("answer-receipt").FillAsync(receipt);
        await page.GetByTestId("answer-code").FillAsync(accessCode);
        await page.GetByTestId("answer-submit").ClickAsync();
        Assert.Equal(AnswerText, (await page.GetByTestId("public-answer").InnerTextAsync()).Trim());
        Assert.Equal(receipt, await page.GetByTestId("public-receipt").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems();
    }

    private async Task SignInAsAsync(string login)
    {
        await _session.Context.ClearCookiesAsync();
        await _session.SignInStaffAsync(login, PortalHost.DemoPassword);
    }
}
