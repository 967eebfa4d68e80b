using System.Text.RegularExpressions;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// A registered resident sends an inquiry signed in (their details come from the profile, none are copied into the
/// case), and reads its status and answer in お問い合わせ履歴; another resident sees none of it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ResidentCasesTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    private async Task<PortalClient> ResidentAsync(string email)
    {
        var client = site.Host.PublicClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = "resident-pass-2026", ["Form.Name"] = "牛込 桜", ["Form.PostalCode"] = "162-0805",
            ["Form.Address"] = "新宿区矢来町1", ["Form.Phone"] = "090-1111-2222", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        var verify = await site.Mail.WaitForAsync(email, "メールアドレスの確認のお願い");
        await client.GetStringAsync(MailPickup.LinkIn(verify));
        var signedIn = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "resident-pass-2026" });
        Assert.Equal("/account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    [Fact]
    public async Task A_signed_in_resident_sends_an_inquiry_and_reads_the_answer_in_their_history()
    {
        using var resident = await ResidentAsync("sakura.ushigome@example.jp");
        var form = await resident.GetStringAsync("/opinions/new");
        Assert.Contains("data-testid=\"opinion-resident\"", form);
        Assert.DoesNotContain("data-testid=\"opinion-name\"", form);
        var token = Regex.Match(form, "name=\"Input.FormToken\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var koseki = await site.DepartmentAsync("0502");
        var sent = await (await resident.PostFormAsync("/opinions/new", new()
        {
            ["Input.FormToken"] = token, ["Input.Route"] = "department", ["Input.DepartmentId"] = koseki.ToString(), ["Input.Kind"] = "Inquiry",
            ["Input.Subject"] = "マイナンバーカードの受け取り", ["Input.Body"] = "受け取りに予約は必要ですか。", ["Input.WantsAnswer"] = "true",
            ["Input.AnswerMethod"] = "Web", ["Input.Website"] = "",
        }, handler: "Send")).Content.ReadAsStringAsync();
        var receipt = Regex.Match(sent, "data-testid=\"receipt-number\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(receipt);
        await site.Mail.WaitForAsync("sakura.ushigome@example.jp", receipt);

        // A department inquiry arrives forwarded; no contact detail is copied into the case.
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.Include(c => c.Forwardings).SingleAsync(c => c.ReceiptNumber == receipt));
        Assert.Equal(SenderKind.Resident, stored.Sender);
        Assert.Equal(CaseStatus.Forwarded, stored.Status);
        Assert.Equal(koseki, stored.Forwardings.Single().DepartmentId);
        Assert.Null(stored.ContactName);
        Assert.Null(stored.ContactEmail);
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "0502");
        var contact = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ContactAsync(staff, stored.Id));
        Assert.Equal("牛込 桜", contact!.Name);

        var history = await resident.GetStringAsync("/account/opinions");
        Assert.Contains("data-testid=\"public-receipt\">" + receipt + "<", history);
        Assert.Contains("data-testid=\"public-status\">対応中<", history);

        var approver = await site.ActorAsync(StandardRoles.Approver, "0502");
        var section = await site.SectionAsync();
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, stored.Id, HandlingKind.Answer, "予約は不要です。平日の窓口でお受け取りください。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, stored.Id));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ApproveAsync(approver, stored.Id));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SendAsync(section, stored.Id, new SendRequest()));
        var ready = await site.Mail.WaitForAsync("sakura.ushigome@example.jp", "回答の準備ができました");
        Assert.Contains("/account/opinions", ready.TextBody);
        Assert.DoesNotContain("予約は不要です", ready.TextBody);

        var answered = await resident.GetStringAsync("/account/opinions");
        Assert.Contains("予約は不要です。平日の窓口でお受け取りください。", answered);
        Assert.Contains("data-testid=\"public-status\">回答済<", answered);

        using var other = await ResidentAsync("someone.else@example.jp");
        var empty = await other.GetStringAsync("/account/opinions");
        Assert.Contains("data-testid=\"history-empty\"", empty);
        Assert.DoesNotContain(receipt, empty);

        // A guest is sent to sign in.
        using var guest = site.Host.PublicClient();
        var redirected = await guest.GetAsync("/account/opinions");
        Assert.Equal("/account/login", redirected.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
