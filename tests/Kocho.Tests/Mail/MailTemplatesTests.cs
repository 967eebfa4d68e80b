using Kocho.Core.Mail;
using Kocho.Core.Modules;
using Xunit;

namespace Kocho.Tests.Mail;

/// <summary>Japanese templates embedded in the module that owns them; values are HTML-encoded in the HTML part.</summary>
public sealed class MailTemplatesTests
{
    private static readonly MailTemplates Templates = new(ModuleCatalog.Discover());

    private static Dictionary<string, string> Values(string host) => new()
    {
        ["siteName"] = "区民の声・よくある質問",
        ["host"] = host,
        ["sentAt"] = "2026年4月1日 9時00分00秒（日本時間）",
        ["transport"] = "SMTP smtp.city.shinjuku.example:587 (StartTls)",
    };

    [Fact]
    public void The_test_mail_has_its_Japanese_subject_and_both_parts_filled_in()
    {
        var mail = Templates.Render("Kocho.Core", "TestMail", "admin@example.jp", Values("kocho-web01"));

        Assert.Equal("admin@example.jp", mail.To);
        Assert.Equal("Kocho テストメール", mail.Subject);
        Assert.StartsWith("このメールは、区民の声・よくある質問（Kocho）のメール送信設定を確かめるためのテストメールです。\n", mail.TextBody);
        Assert.Contains("管理者がサーバー kocho-web01 で「mail test」コマンドを実行して送信しました。", mail.TextBody);
        Assert.Contains("送信日時：2026年4月1日 9時00分00秒（日本時間）", mail.TextBody);
        Assert.Contains("<td>SMTP smtp.city.shinjuku.example:587 (StartTls)</td>", mail.HtmlBody);
        Assert.DoesNotContain("{", mail.TextBody);
        Assert.DoesNotContain("{", mail.HtmlBody);
    }

    [Fact]
    public void Values_are_HTML_encoded_in_the_HTML_part_only()
    {
        var mail = Templates.Render("Kocho.Core", "TestMail", "admin@example.jp", Values("<b>web&01</b>"));

        Assert.Contains("サーバー <b>web&01</b> で", mail.TextBody);
        Assert.Contains("サーバー &lt;b&gt;web&amp;01&lt;/b&gt; で", mail.HtmlBody);
        Assert.DoesNotContain("<b>web", mail.HtmlBody);
    }

    [Fact]
    public void A_missing_value_or_template_is_a_clear_error()
    {
        var values = Values("web01");
        values.Remove("sentAt");

        var missing = Assert.Throws<InvalidOperationException>(() => Templates.Render("Kocho.Core", "TestMail", "admin@example.jp", values));
        Assert.Contains("{sentAt}", missing.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => Templates.Render("Kocho.Core", "NoSuchMail", "admin@example.jp", values));
        Assert.Contains("Mail/Templates/NoSuchMail.txt", unknown.Message);
    }
}
