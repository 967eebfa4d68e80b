using System.Net;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Users;

/// <summary>職員アカウント: an administrator creates, edits, disables staff accounts and sets their passwords.</summary>
[Trait("Category", "Integration")]
public sealed class StaffAccountsTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_creates_a_staff_account_that_is_found_by_search_and_can_sign_in()
    {
        using var admin = await _host.SignedInStaffAsync();

        var created = await admin.PostFormAsync("/admin/users/new", new()
        {
            ["Input.Login"] = "koseki01", ["Input.Name"] = "戸籍 花子", ["Input.Department"] = "0502",
            ["Input.Roles"] = "DepartmentStaff", ["Input.Password"] = "initial-password-01", ["Input.MustChangePassword"] = "false",
        });
        var page = await created.HtmlAsync();
        Assert.Contains("職員アカウントを作成しました。", page);
        Assert.Contains("koseki01", page);

        var found = await (await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString("花子"))).HtmlAsync();
        Assert.Contains("data-testid=\"user-koseki01\"", found);
        Assert.Contains("地域振興部 / 戸籍住民課", found);
        Assert.Contains("所管課職員", found);
        Assert.DoesNotContain("data-testid=\"user-admin\"", found);
        var administrators = await admin.GetStringAsync("/admin/users?role=Administrator");
        Assert.Contains("data-testid=\"user-admin\"", administrators);
        Assert.DoesNotContain("data-testid=\"user-koseki01\"", administrators);

        using var member = await _host.SignedInStaffAsync("koseki01", "initial-password-01");
        Assert.Contains("戸籍 花子", await member.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task Bad_input_on_the_create_form_is_explained_in_Japanese_and_creates_nothing()
    {
        using var admin = await _host.SignedInStaffAsync();

        var empty = await (await admin.PostFormAsync("/admin/users/new", new() { ["Input.Login"] = "", ["Input.Name"] = "", ["Input.Password"] = "" })).HtmlAsync();
        Assert.Contains("ログインIDを入力してください。", empty);
        Assert.Contains("氏名を入力してください。", empty);
        Assert.Contains("ロールを1つ以上選んでください。", empty);
        Assert.Contains("初期パスワードを入力してください。", empty);
        Assert.DoesNotContain("field is required", empty);

        async Task<string> CreateAsync(string login, string department, string role, string password) =>
            await (await admin.PostFormAsync("/admin/users/new", new()
            {
                ["Input.Login"] = login, ["Input.Name"] = "新宿 次郎", ["Input.Department"] = department,
                ["Input.Roles"] = role, ["Input.Password"] = password,
            })).HtmlAsync();

        Assert.Contains("パスワードは 12 文字以上にしてください。", await CreateAsync("koseki02", "0502", "DepartmentStaff", "short"));
        Assert.Contains("ログインID「admin」はすでに使われています。", await CreateAsync("admin", "0502", "DepartmentStaff", "long-enough-password"));
        Assert.Contains("所属コード 9999 は登録されていません。", await CreateAsync("koseki03", "9999", "DepartmentStaff", "long-enough-password"));
        Assert.Contains("ロール「Mayor」はありません。", await CreateAsync("koseki04", "0502", "Mayor", "long-enough-password"));
        Assert.Contains("ログインIDには半角英数字と - . _ @ + のみ使えます。", await CreateAsync("戸籍05", "0502", "DepartmentStaff", "long-enough-password"));

        var list = await admin.GetStringAsync("/admin/users");
        Assert.Contains("1 件", list);
        Assert.DoesNotContain("新宿 次郎", list);
    }

    [Fact]
    public async Task An_administrator_edits_name_department_and_roles_and_bad_input_changes_nothing()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var admin = await _host.SignedInStaffAsync();
        var memberPage = await admin.MemberPageAsync("koseki01");

        var saved = await admin.PostFieldsAsync(memberPage,
            [("Input.Name", "戸籍 春子"), ("Input.Department", "0204"), ("Input.Roles", "DepartmentStaff"), ("Input.Roles", "Approver")], handler: "Save");
        Assert.Contains("保存しました。", await saved.HtmlAsync());
        var row = await admin.StaffRowAsync("koseki01");
        Assert.Contains("戸籍 春子", row);
        Assert.Contains("総合政策部 / 情報政策課", row);
        Assert.Contains("上位者（課長）", row);

        var refused = await (await admin.PostFieldsAsync(memberPage,
            [("Input.Name", " "), ("Input.Department", "0502"), ("Input.Roles", "CallCenter")], handler: "Save")).HtmlAsync();
        Assert.Contains("氏名を入力してください。", refused);
        var noRole = await (await admin.PostFieldsAsync(memberPage, [("Input.Name", "戸籍 夏子"), ("Input.Department", "0502")], handler: "Save")).HtmlAsync();
        Assert.Contains("ロールを1つ以上選んでください。", noRole);

        row = await admin.StaffRowAsync("koseki01");
        Assert.Contains("戸籍 春子", row);
        Assert.Contains("総合政策部 / 情報政策課", row);
        Assert.DoesNotContain("コールセンター", row);
        Assert.DoesNotContain("戸籍 夏子", row);
    }

    [Fact]
    public async Task A_disabled_member_is_refused_and_their_open_session_ends()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        Assert.Contains("戸籍 花子", await member.GetStringAsync("/admin"));
        using var admin = await _host.SignedInStaffAsync();
        var memberPage = await admin.MemberPageAsync("koseki01");

        var disabled = await admin.PostFormAsync(memberPage, new(), handler: "Disable");
        Assert.Contains("アカウントを無効にしました。", await disabled.HtmlAsync());

        var next = await member.GetAsync("/admin");
        Assert.Equal("/admin/login", next.PathOf());
        Assert.DoesNotContain("戸籍 花子", await next.HtmlAsync());
        using var again = _host.StaffClient();
        var refused = await again.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword);
        Assert.Contains("ログインIDまたはパスワードが正しくありません。", await refused.HtmlAsync());
        Assert.Contains("data-testid=\"user-state\">無効<", await admin.StaffRowAsync("koseki01"));

        await admin.PostFormAsync(memberPage, new(), handler: "Enable");
        using var back = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        Assert.Contains("戸籍 花子", await back.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves_or_take_the_role_from_the_last_administrator()
    {
        await _host.AddMemberAsync("joho01", "情報 一郎", "Administrator", "0204");
        using var admin = await _host.SignedInStaffAsync();
        var ownPage = await admin.MemberPageAsync("admin");

        var self = await (await admin.PostFormAsync(ownPage, new(), handler: "Disable")).HtmlAsync();
        Assert.Contains("自分自身のアカウントは無効にできません。", self);

        var other = await admin.PostFormAsync(await admin.MemberPageAsync("joho01"), new(), handler: "Disable");
        Assert.Contains("アカウントを無効にしました。", await other.HtmlAsync());

        // joho01 is disabled: admin is the last administrator who can sign in.
        var demote = await (await admin.PostFieldsAsync(ownPage, [("Input.Name", "システム管理者"), ("Input.Roles", "DepartmentStaff")], handler: "Save")).HtmlAsync();
        Assert.Contains("最後のシステム管理者からシステム管理者ロールを外すことはできません。", demote);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/modules")).StatusCode);
        Assert.DoesNotContain("所管課職員", await admin.StaffRowAsync("admin"));
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_ends_the_members_session_and_must_be_changed_at_next_sign_in()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        using var admin = await _host.SignedInStaffAsync();
        var memberPage = await admin.MemberPageAsync("koseki01");

        var mismatch = await (await admin.PostFormAsync(memberPage, new() { ["PasswordInput.NewPassword"] = "temporary-pass-2026", ["PasswordInput.ConfirmPassword"] = "temporary-pass-2027" }, handler: "Password")).HtmlAsync();
        Assert.Contains("新しいパスワードと確認用のパスワードが一致しません。", mismatch);
        var tooShort = await (await admin.PostFormAsync(memberPage, new() { ["PasswordInput.NewPassword"] = "short", ["PasswordInput.ConfirmPassword"] = "short" }, handler: "Password")).HtmlAsync();
        Assert.Contains("パスワードは 12 文字以上にしてください。", tooShort);
        Assert.Contains("戸籍 花子", await member.GetStringAsync("/admin"));

        var reset = await admin.PostFormAsync(memberPage, new() { ["PasswordInput.NewPassword"] = "temporary-pass-2026", ["PasswordInput.ConfirmPassword"] = "temporary-pass-2026" }, handler: "Password");
        Assert.Contains("パスワードを設定しました。", await reset.HtmlAsync());
        Assert.Equal("/admin/login", (await member.GetAsync("/admin")).PathOf());
        Assert.Contains("ログインIDまたはパスワードが正しくありません。", await (await _host.StaffClient().TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword)).HtmlAsync());

        using var changing = _host.StaffClient();
        var signedIn = await changing.TryPasswordSignInAsync("koseki01", "temporary-pass-2026");
        Assert.Equal("/admin/account/password", signedIn.PathOf());
        Assert.Contains("管理者が設定したパスワードでログインしました。", await signedIn.HtmlAsync());
        Assert.Equal("/admin/account/password", (await changing.GetAsync("/admin/opinions")).PathOf());
        Assert.Equal("/admin/account/password", (await changing.GetAsync("/admin")).PathOf());

        var wrongCurrent = await (await changing.PostFormAsync("/admin/account/password", new() { ["Input.CurrentPassword"] = "not-the-password", ["Input.NewPassword"] = "my-own-password-2026", ["Input.ConfirmPassword"] = "my-own-password-2026" })).HtmlAsync();
        Assert.Contains("現在のパスワードが正しくありません。", wrongCurrent);
        var same = await (await changing.PostFormAsync("/admin/account/password", new() { ["Input.CurrentPassword"] = "temporary-pass-2026", ["Input.NewPassword"] = "temporary-pass-2026", ["Input.ConfirmPassword"] = "temporary-pass-2026" })).HtmlAsync();
        Assert.Contains("現在のパスワードとは異なるパスワードを入力してください。", same);

        var changed = await changing.PostFormAsync("/admin/account/password", new() { ["Input.CurrentPassword"] = "temporary-pass-2026", ["Input.NewPassword"] = "my-own-password-2026", ["Input.ConfirmPassword"] = "my-own-password-2026" });
        Assert.Equal("/admin", changed.PathOf());
        Assert.Contains("戸籍 花子", await changed.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await changing.GetAsync("/admin/opinions")).StatusCode);
        using var later = await _host.SignedInStaffAsync("koseki01", "my-own-password-2026");
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_until_an_administrator_sets_a_new_password()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var client = _host.StaffClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("ログインIDまたはパスワードが正しくありません。", await (await client.TryPasswordSignInAsync("koseki01", "wrong-password-" + attempt)).HtmlAsync());
        }

        var fifth = await (await client.TryPasswordSignInAsync("koseki01", "wrong-password-5")).HtmlAsync();
        Assert.Contains("ログインIDまたはパスワードが正しくありません。 続けて失敗すると、しばらくログインできなくなります。その場合は15分後にもう一度お試しください。", fifth);
        var right = await client.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword);
        Assert.Equal("/admin/login", right.PathOf());
        Assert.Contains("15分後にもう一度お試しください。", await right.HtmlAsync());

        using var admin = await _host.SignedInStaffAsync();
        Assert.Contains("data-testid=\"user-state\">ロック中<", await admin.StaffRowAsync("koseki01"));
        await admin.PostFormAsync(await admin.MemberPageAsync("koseki01"), new() { ["PasswordInput.NewPassword"] = "temporary-pass-2026", ["PasswordInput.ConfirmPassword"] = "temporary-pass-2026" }, handler: "Password");
        Assert.Equal("/admin/account/password", (await client.TryPasswordSignInAsync("koseki01", "temporary-pass-2026")).PathOf());
    }
}
