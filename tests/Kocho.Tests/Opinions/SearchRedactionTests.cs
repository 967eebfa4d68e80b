using Kocho.Core.Protection.Redaction;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>What goes into the unencrypted "cases" index: a resident's letter with their own details and numbers masked.</summary>
public sealed class SearchRedactionTests
{
    private static string Redact(string text, IEnumerable<string?>? known = null) => new PersonalDataRedactor().Redact(text, known).WithUniformMask();

    [Fact]
    public void The_senders_own_name_address_phone_and_email_are_masked_in_every_form()
    {
        var body = "新宿区西新宿九丁目99番1号に住む青木 一郎です。青木一郎として申し上げます。西新宿九丁目99番1号の前の道路です。" +
                   "折り返しは０３－００００－１００１、またはAOKI.Ichiro@example.jpまで。青木より。";

        var redacted = Redact(body, ["青木 一郎", "新宿区西新宿九丁目99番1号", "03-0000-1001", "aoki.ichiro@example.jp"]);

        foreach (var value in new[] { "青木", "一郎", "西新宿九丁目99番1号", "0000-1001", "1001", "aoki", "AOKI", "example.jp" })
        {
            Assert.DoesNotContain(value, redacted, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("前の道路です", redacted);
        Assert.Contains(RedactionResult.UniformMask, redacted);
    }

    [Theory]
    [InlineData("電話は090-1234-5678です", "090-1234-5678")]
    [InlineData("電話は03(5273)4065です", "5273")]
    [InlineData("電話は0352734065です", "0352734065")]
    [InlineData("ＦＡＸ ０３－５２７３－４０６６まで", "4066")]
    [InlineData("〒160-8484 新宿区歌舞伎町", "160-8484")]
    [InlineData("ご連絡は taro_99+kocho@mail.example.co.jp へ", "example")]
    public void Any_phone_number_postal_code_or_email_is_masked(string text, string secret)
    {
        var redacted = Redact(text);

        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(RedactionResult.UniformMask, redacted);
    }

    [Theory]
    [InlineData("受付番号 2026-000123 の件")]
    [InlineData("令和8年4月1日から14業務日")]
    [InlineData("手数料は300円、1日1000人が利用")]
    public void Receipt_numbers_dates_and_amounts_stay_searchable(string text)
    {
        Assert.Equal(text, Redact(text));
    }
}
