using Kocho.Core.Protection;
using Xunit;

namespace Kocho.Tests.Protection;

/// <summary>What a person types finds the same record: the look-up forms of email, phone and 郵便番号.</summary>
public sealed class PersonalDataNormalizerTests
{
    [Theory]
    [InlineData(" Hanako.Koseki@City.Shinjuku.LG.JP ", "hanako.koseki@city.shinjuku.lg.jp")]
    [InlineData("\u3000taro@example.jp\t", "taro@example.jp")]
    [InlineData("taro@example.jp", "taro@example.jp")]
    public void Email_is_trimmed_and_lower_cased_whole(string input, string expected) =>
        Assert.Equal(expected, PersonalDataNormalizer.Email(input));

    [Theory]
    [InlineData("03-3209-1111", "0332091111")]
    [InlineData("０３－３２０９－１１１１", "0332091111")]
    [InlineData("(03) 3209 1111", "0332091111")]
    [InlineData("090‐1234‐5678", "09012345678")]
    [InlineData("内線 1234", "1234")]
    [InlineData("なし", "")]
    public void Phone_and_fax_keep_only_digits_with_the_leading_zero(string input, string expected) =>
        Assert.Equal(expected, PersonalDataNormalizer.Phone(input));

    [Theory]
    [InlineData("160-8484", "1608484")]
    [InlineData("1608484", "1608484")]
    [InlineData("〒160-8484", "1608484")]
    [InlineData("〒 160-8484", "1608484")]
    [InlineData("１６０－８４８４", "1608484")]
    [InlineData("１６０ー８４８４", "1608484")]
    [InlineData("160−8484", "1608484")]
    [InlineData(" 160 8484\u3000", "1608484")]
    public void Postal_code_accepts_full_width_hyphens_spaces_and_the_postal_mark(string input, string expected)
    {
        Assert.True(PersonalDataNormalizer.TryPostalCode(input, out var postalCode));
        Assert.Equal(expected, postalCode);
        Assert.Equal(expected, PersonalDataNormalizer.PostalCode(input));
    }

    [Theory]
    [InlineData("160-848")]
    [InlineData("160-84841")]
    [InlineData("16O-8484")]
    [InlineData("東京都新宿区")]
    [InlineData("")]
    [InlineData(null)]
    public void A_postal_code_that_is_not_seven_digits_is_refused_in_japanese(string? input)
    {
        Assert.False(PersonalDataNormalizer.TryPostalCode(input, out var postalCode));
        Assert.Null(postalCode);
        var error = Assert.Throws<FormatException>(() => PersonalDataNormalizer.PostalCode(input));
        Assert.Equal("郵便番号は7桁の数字で入力してください。", error.Message);
    }
}
