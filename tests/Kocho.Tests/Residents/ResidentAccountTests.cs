using System.Net;
using System.Text;
using Kocho.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Kocho.Tests.Residents;

/// <summary>A resident registers, verifies the mailed link, signs in, edits, changes the email and deletes the account.</summary>
[Trait("Category", "Integration")]
public sealed class ResidentAccountTests : IAsyncLifetime
{
    private PortalHost _host = null!;
    private MailPickup _mail = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalHost.StartCopyAsync();
        _mail = new MailPickup(_host.DataPath);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Email"] = email,
        ["Password"] = "resident-pass-2026",
        ["Form.Name"] = "新宿 花子",
        ["Form.PostalCode"] = "１６０－８４８４",
        ["Form.Address"] = "東京都新宿区歌舞伎町1-4-1",
        ["Form.Phone"] = "090-1234-5678",
        ["Form.Fax"] = "",
        ["Consent"] = "true",
    };

    private async Task<PortalClient> RegisterAndVerifyAsync(string email)
    {
        var client = _host.PublicClient();
        var sent = await client.PostFormAsync("/account/register", Registration(email));
        Assert.Equal("/account/register/sent", sent.RequestMessage!.RequestUri!.AbsolutePath);
        var mail = await _mail.WaitForAsync(email, "メールアドレスの確認のお願い");
        Assert.DoesNotContain("新宿 花子", mail.TextBody); // mails hold no name: only the address may be in the mail folder (#11)
        var verified = await client.GetStringAsync(MailPickup.LinkIn(mail));
        Assert.Contains("登録が完了しました", verified);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(PortalClient client, string email, string password = "resident-pass-2026") =>
        client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task A_resident_registers_verifies_signs_in_and_sees_their_details()
    {
        using var client = await RegisterAndVerifyAsync("hanako@example.jp");

        var signedIn = await SignInAsync(client, "HANAKO@example.jp");
        Assert.Equal("/account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"profile-email\">hanako@example.jp<", page);
        Assert.Contains("data-testid=\"profile-postal\">160-8484<", page);
        Assert.Contains("新宿 花子", page);
    }

    [Fact]
    public async Task Before_the_link_is_opened_the_account_cannot_sign_in()
    {
        using var client = _host.PublicClient();
        await client.PostFormAsync("/account/register", Registration("taro@example.jp"));
        await _mail.WaitForAsync("taro@example.jp", "メールアドレスの確認のお願い");

        var response = await SignInAsync(client, "taro@example.jp");
        Assert.Contains("メールアドレスまたはパスワードが正しくないか、メールアドレスの確認が済んでいません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved_or_mailed()
    {
        using var client = _host.PublicClient();
        var fields = Registration("not-an-email");
        fields["Form.PostalCode"] = "160-84";
        fields["Form.Phone"] = "3209-1111";
        fields["Form.Name"] = "";
        fields["Password"] = "short";
        fields.Remove("Consent");

        var response = await client.PostFormAsync("/account/register", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("メールアドレスの形式が正しくありません（例: taro@example.jp）。", html);
        Assert.Contains("郵便番号は7桁の数字で入力してください。", html);
        Assert.Contains("電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフン可）。", html);
        Assert.Contains("氏名を入力してください。", html);
        Assert.Contains("個人情報の利用目的への同意が必要です。", html);
        Assert.Contains("value=\"3209-1111\"", html);
        Assert.False(Directory.Exists(_mail.Folder) && Directory.GetFiles(_mail.Folder).Length > 0);

        var weak = Registration("weak@example.jp");
        weak["Password"] = "short";
        var weakHtml = await (await client.PostFormAsync("/account/register", weak)).Content.ReadAsStringAsync();
        Assert.Contains("パスワードは 12 文字以上にしてください。", weakHtml);
        Assert.Empty(_mail.To("weak@example.jp"));
    }

    [Fact]
    public async Task Registering_an_address_twice_looks_the_same_and_mails_the_owner()
    {
        using (await RegisterAndVerifyAsync("jiro@example.jp")) { }
        using var stranger = _host.PublicClient();

        var again = await stranger.PostFormAsync("/account/register", Registration("jiro@example.jp"));

        Assert.Equal("/account/register/sent", again.RequestMessage!.RequestUri!.AbsolutePath);
        var notice = await _mail.WaitForAsync("jiro@example.jp", "ご登録のメールアドレスについて");
        Assert.Contains("すでに登録されています", notice.TextBody);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_unknown_addresses_get_the_same_answer()
    {
        using (await RegisterAndVerifyAsync("saburo@example.jp")) { }
        using var client = _host.PublicClient();

        var unknown = await client.PostFormAsync("/account/forgot", new() { ["Email"] = "nobody@example.jp" });
        var known = await client.PostFormAsync("/account/forgot", new() { ["Email"] = "saburo@example.jp" });
        const string same = "ご入力のメールアドレスが登録されている場合は、パスワード再設定のご案内をお送りしました。";
        Assert.Contains(same, await unknown.Content.ReadAsStringAsync());
        Assert.Contains(same, await known.Content.ReadAsStringAsync());
        Assert.Empty(_mail.To("nobody@example.jp"));

        var mail = await _mail.WaitForAsync("saburo@example.jp", "パスワードの再設定");
        var link = MailPickup.LinkIn(mail);
        var reset = await client.PostFormAsync(link.Split('?')[0], new()
        {
            ["UserId"] = System.Web.HttpUtility.ParseQueryString(new Uri(_host.PublicUrl, link).Query)["userId"]!,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(_host.PublicUrl, link).Query)["token"]!,
            ["Password"] = "a-brand-new-password",
        }, formPage: link);
        Assert.Contains("パスワードを変更しました。", await reset.Content.ReadAsStringAsync());

        Assert.Contains("メールアドレスまたはパスワードが正しくない", await (await SignInAsync(client, "saburo@example.jp")).Content.ReadAsStringAsync());
        Assert.Equal("/account", (await SignInAsync(client, "saburo@example.jp", "a-brand-new-password")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_resident_edits_details_changes_email_with_a_new_verification_and_deletes_the_account()
    {
        using var client = await RegisterAndVerifyAsync("shiro@example.jp");
        await SignInAsync(client, "shiro@example.jp");

        var edit = Registration("shiro@example.jp");
        edit["Form.Address"] = "東京都新宿区西新宿2-8-1";
        edit["Form.Fax"] = "０３－５２７３－００００";
        var edited = await client.PostFormAsync("/account/edit", edit.Where(f => f.Key.StartsWith("Form.")).ToDictionary());
        var profile = await edited.Content.ReadAsStringAsync();
        Assert.Contains("登録内容を変更しました。", profile);
        Assert.Contains("東京都新宿区西新宿2-8-1", profile);
        Assert.Contains("03-5273-0000", profile);

        var wrongPassword = await client.PostFormAsync("/account/email", new() { ["NewEmail"] = "shiro.new@example.jp", ["Password"] = "wrong-password-00" });
        Assert.Contains("パスワードが正しくありません。", await wrongPassword.Content.ReadAsStringAsync());
        await client.PostFormAsync("/account/email", new() { ["NewEmail"] = "shiro.new@example.jp", ["Password"] = "resident-pass-2026" });
        var pending = await client.GetStringAsync("/account");
        Assert.Contains("data-testid=\"profile-email\">shiro@example.jp<", pending);
        Assert.Contains("shiro.new@example.jp", pending);

        var confirm = await _mail.WaitForAsync("shiro.new@example.jp", "新しいメールアドレスの確認のお願い");
        Assert.Contains("メールアドレスを変更しました", await client.GetStringAsync(MailPickup.LinkIn(confirm)));
        Assert.Contains("メールアドレスまたはパスワードが正しくない", await (await SignInAsync(client, "shiro@example.jp")).Content.ReadAsStringAsync());
        Assert.Equal("/account", (await SignInAsync(client, "shiro.new@example.jp")).RequestMessage!.RequestUri!.AbsolutePath);

        var deleted = await client.PostFormAsync("/account/delete", new() { ["Password"] = "resident-pass-2026" });
        Assert.Contains("登録を削除しました", await deleted.Content.ReadAsStringAsync());
        Assert.Contains("メールアドレスまたはパスワードが正しくない", await (await SignInAsync(client, "shiro.new@example.jp")).Content.ReadAsStringAsync());
        Assert.Equal("/account/login", (await client.GetAsync("/account")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_database_file_holds_no_plaintext_of_the_residents_personal_data()
    {
        if (TestEnvironment.IsPostgres) return; // the file scan is SQLite's; PostgreSQL columns are checked by the protection tests
        using (await RegisterAndVerifyAsync("plain.check@example.jp")) { }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataPath, "kocho.db")}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_host.DataPath, "kocho.db"));
        foreach (var value in new[] { "plain.check@example.jp", "新宿 花子", "1608484", "歌舞伎町", "090-1234-5678", "09012345678" })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"「{value}」 is in the database file as UTF-8");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) < 0, $"「{value}」 is in the database file as UTF-16");
        }
    }

    [Fact]
    public async Task Registration_posts_beyond_the_limit_get_429()
    {
        await using var host = await PortalHost.StartAsync("shinjuku", "--Kocho:RateLimits:registration:PermitLimit=2");
        using var client = host.PublicClient();
        await client.PostFormAsync("/account/register", Registration("a1@example.jp"));
        await client.PostFormAsync("/account/register", Registration("a2@example.jp"));
        var third = await client.PostFormAsync("/account/register", Registration("a3@example.jp"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Resident_pages_need_a_signed_in_resident_and_staff_cannot_use_them()
    {
        using var anonymous = _host.PublicClient();
        Assert.Equal("/account/login", (await anonymous.GetAsync("/account/edit")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("メールアドレスまたはパスワードが正しくない", await (await SignInAsync(anonymous, "admin@example.jp", PortalHost.AdminPassword)).Content.ReadAsStringAsync());
    }
}
