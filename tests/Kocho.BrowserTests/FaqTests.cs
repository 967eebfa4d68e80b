using Kocho.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// The FAQ in a real browser: an editor drafts and submits, the approver returns it, the editor fixes it, the approver
/// approves, and residents find it on the public site; the call center searches by keyboard; suggestions appear while typing.
/// Every public FAQ page passes axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class FaqTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync("demo");

    public async Task DisposeAsync() => await _session.DisposeAsync();

    private async Task SignOutAsync()
    {
        await _session.Page.GetByTestId("logout").ClickAsync();
        await _session.Page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/login");
    }

    [Fact]
    public async Task An_entry_goes_from_draft_through_a_return_to_approval_and_residents_find_it()
    {
        var page = _session.Page;
        const string question = "犬の登録はどこでできますか。";

        await _session.SignInStaffAsync("koseki.nakamura", PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff("/admin/faq/edit"));
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("faq-question").FillAsync(question);
        await page.GetByTestId("faq-answer").FillAsync("保健所の窓口で登録できます。");
        await page.GetByTestId("faq-keywords").FillAsync("犬\n登録");
        await page.GetByTestId("faq-save").ClickAsync();
        Assert.Contains("FAQを作成しました。", await page.GetByTestId("faq-message").InnerTextAsync());
        var number = int.Parse(BrowserSession.PathOf(page.Url)["/admin/faq/".Length..]);
        await page.GetByTestId("faq-submit-comment").FillAsync("新規作成です。ご確認ください。");
        await page.GetByTestId("faq-submit").ClickAsync();
        Assert.Equal("承認依頼しました。", await page.GetByTestId("faq-message").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await SignOutAsync();

        await _session.SignInStaffAsync("koseki.fujita", PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff("/admin/faq/approvals"));
        await _session.AssertAccessibleAsync();
        await page.GetByTestId($"faq-approval-{number}").GetByRole(AriaRole.Link).ClickAsync();
        Assert.True(await page.GetByTestId("diff-added").First.IsVisibleAsync());
        await page.GetByTestId("faq-approve-comment").FillAsync("受付時間と手数料を書いてください。");
        await page.GetByTestId("faq-return").ClickAsync();
        Assert.Equal("差し戻しました。", await page.GetByTestId("faq-message").InnerTextAsync());
        await SignOutAsync();

        await _session.SignInStaffAsync("koseki.nakamura", PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff($"/admin/faq/{number}"));
        Assert.Contains("受付時間と手数料を書いてください。", await page.GetByTestId("faq-history").InnerTextAsync());
        await page.GetByTestId("faq-edit").ClickAsync();
        await page.GetByTestId("faq-answer").FillAsync("保健所の窓口（平日8時30分から17時）で登録できます。登録手数料は3,000円です。");
        await page.GetByTestId("faq-save").ClickAsync();
        Assert.Equal("下書きを保存しました。", await page.GetByTestId("faq-message").InnerTextAsync());
        await page.GetByTestId("faq-submit").ClickAsync();
        await SignOutAsync();

        await _session.SignInStaffAsync("koseki.fujita", PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff($"/admin/faq/{number}"));
        await page.GetByTestId("faq-approve").ClickAsync();
        Assert.Equal("承認しました。", await page.GetByTestId("faq-message").InnerTextAsync());
        Assert.Contains("掲載中", await page.GetByTestId("faq-live").InnerTextAsync());
        await SignOutAsync();

        await page.GotoAsync(_session.Public("/faq"));
        await page.GetByTestId("faq-search-input").FillAsync("犬の登録");
        await page.GetByTestId("faq-search-input").PressAsync("Enter");
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/faq/search");
        await page.GetByTestId($"faq-result-{number}").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == $"/faq/{number}");
        Assert.Contains("登録手数料は3,000円です。", await page.GetByTestId("faq-answer").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems();
    }

    [Fact]
    public async Task Public_FAQ_pages_pass_axe_and_feedback_suggestions_and_the_call_center_search_work()
    {
        var page = _session.Page;
        foreach (var path in new[] { "/faq", "/faq/category/01", "/faq/category/0102", "/faq/1", "/faq/search?q=" + Uri.EscapeDataString("住民票"), "/faq/search?q=" + Uri.EscapeDataString("ｘｙｚｚｙｑｑ") })
        {
            await page.GotoAsync(_session.Public(path));
            await _session.AssertAccessibleAsync();
        }
        await page.GotoAsync(_session.Public("/faq/search?q=" + Uri.EscapeDataString("手続き")));
        if (await page.GetByTestId("faq-page-next").CountAsync() > 0)
        {
            await page.GetByTestId("faq-page-next").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("page=2"));
            await _session.AssertAccessibleAsync();
        }

        await page.GotoAsync(_session.Public("/faq/1"));
        await page.GetByTestId("faq-helpful-no").CheckAsync();
        await page.GetByTestId("faq-feedback-comment").FillAsync("手数料の払い方も知りたいです。");
        await page.GetByTestId("faq-feedback-submit").ClickAsync();
        Assert.Contains("ご回答ありがとうございました。", await page.GetByTestId("faq-feedback-thanks").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await page.GotoAsync(_session.Public("/culture/en?returnUrl=%2Ffaq%2F1"));
        await _session.AssertAccessibleAsync();
        await page.GotoAsync(_session.Public("/culture/ja-JP?returnUrl=%2Ffaq"));

        // A form that asks for suggestions the way the inquiry form does (data-faq-suggest names the inputs to watch).
        await page.EvaluateAsync("""
            () => {
              const form = document.createElement("form");
              form.innerHTML = '<label for="Input_Subject">件名</label><input id="Input_Subject"><label for="Input_Body">内容</label><textarea id="Input_Body"></textarea><div data-faq-suggest="Input_Subject Input_Body"></div>';
              document.querySelector("main").appendChild(form);
              const script = document.createElement("script");
              script.src = "/assets/Kocho.Faq/js/faq-suggest.js";
              document.body.appendChild(script);
            }
            """);
        await page.Locator("[data-faq-suggest][aria-live='polite']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#Input_Subject").PressSequentiallyAsync("粗大ごみ");
        await page.Locator("#Input_Body").PressSequentiallyAsync("を出したいのですが");
        var suggestions = page.GetByTestId("faq-suggestions").Locator("a[data-faq-suggestion]");
        await suggestions.First.WaitForAsync();
        Assert.InRange(await suggestions.CountAsync(), 1, 5);
        Assert.EndsWith("?from=suggest", await suggestions.First.GetAttributeAsync("href"));
        await _session.AssertAccessibleAsync();

        await _session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _session.Staff("/").TrimEnd('/') });
        await _session.SignInStaffAsync("cc.onodera", PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff("/admin/faq/search"));
        Assert.Equal("cc-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("粗大ごみ 申込み");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q="));
        await page.Locator(".cc-result").First.WaitForAsync();
        await page.GetByTestId("faq-cc-input").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement.classList.contains('cc-result'))"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator(".cc-result").First.Locator("[data-copy-target]").ClickAsync();
        await page.Locator("#cc-copied").Filter(new() { HasText = "回答をコピーしました。" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal((await page.Locator(".cc-result").First.GetByTestId("faq-cc-answer").InnerTextAsync()).Trim(), copied);
        _session.AssertNoProblems();
    }
}
