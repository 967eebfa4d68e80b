using Kocho.Core.Protection.Redaction;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>Issue #9 item 3: the redactor masks the personal data of Japanese free text and says what it masked.</summary>
public sealed class RedactionTests
{
    private readonly PersonalDataRedactor _redactor = new();

    [Fact]
    public void Masks_the_city_halls_postal_code_phone_fax_mail_and_street_address()
    {
        var result = _redactor.Redact("新宿区役所（〒160-8484 新宿区歌舞伎町1-4-1）電話03-3209-1111、FAX 03-3209-9999、メール info@city.shinjuku.example.jp までご連絡ください。");

        Assert.Equal("新宿区役所（〔郵便番号〕 〔住所〕）電話〔電話番号〕、FAX 〔FAX番号〕、メール 〔メールアドレス〕 までご連絡ください。", result.Text);
        Assert.Equal(
            [(RedactedKind.PostalCode, "〒160-8484"), (RedactedKind.Address, "新宿区歌舞伎町1-4-1"), (RedactedKind.Phone, "03-3209-1111"),
             (RedactedKind.Fax, "03-3209-9999"), (RedactedKind.Email, "info@city.shinjuku.example.jp")],
            result.Items.Select(i => (i.Kind, i.Original)));
        Assert.All(result.Items, i => Assert.Equal(PersonalDataRedactor.MaskOf(i.Kind), result.Text.Substring(i.MaskIndex, i.MaskLength)));
    }

    [Fact]
    public void Full_width_digits_and_the_long_vowel_mark_are_caught_and_the_rest_keeps_its_own_characters()
    {
        var result = _redactor.Redact("携帯は０９０－１２３４－５６７８、自宅は〒１６９ー００７２　新宿区大久保二丁目３番５号です。ＡＢＣ");

        Assert.Equal("携帯は〔電話番号〕、自宅は〔郵便番号〕　〔住所〕です。ＡＢＣ", result.Text);
        Assert.Equal(["０９０－１２３４－５６７８", "〒１６９ー００７２", "新宿区大久保二丁目３番５号"], result.Items.Select(i => i.Original));
    }

    [Fact]
    public void The_senders_own_name_is_masked_whole_without_its_space_and_by_the_family_name()
    {
        var result = _redactor.Redact("試験花子と申します。先日、試験が伺いました。花子より", ["試験 花子", "新宿区西新宿九丁目9番9号", null, ""]);

        Assert.Equal("〔氏名〕と申します。先日、〔氏名〕が伺いました。〔氏名〕より", result.Text);
        Assert.All(result.Items, i => Assert.Equal(RedactedKind.Name, i.Kind));
    }

    [Fact]
    public void Dates_counts_amounts_and_receipt_numbers_are_left_alone()
    {
        const string text = "令和8年4月1日から2026年度の受付番号2026-000123について、3件、1,200円、午前9時-午後5時に対応します。";
        var result = _redactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.False(result.Changed);
    }
}
