using System.Net.Mail;
using System.Text;
using Kocho.Core.Protection;

namespace Kocho.Users.Residents;

/// <summary>A resident's contact details as typed, checked and normalized (full-width and hyphens accepted).</summary>
public sealed record ResidentDetails(string Name, string PostalCode, string Address, string Phone, string? Fax)
{
    /// <summary>Checks what a resident typed; errors are keyed by field name and worded in Japanese.</summary>
    public static (ResidentDetails? Details, Dictionary<string, string> Errors) From(string? name, string? postalCode, string? address, string? phone, string? fax)
    {
        var errors = new Dictionary<string, string>();
        var cleanName = Clean(name);
        if (cleanName.Length == 0) errors["Name"] = "氏名を入力してください。";
        else if (cleanName.Length > 100) errors["Name"] = "氏名は100文字以内で入力してください。";
        string? cleanPostal = null;
        if (string.IsNullOrWhiteSpace(postalCode)) errors["PostalCode"] = "郵便番号を入力してください。";
        else if (!PersonalDataNormalizer.TryPostalCode(postalCode, out cleanPostal)) errors["PostalCode"] = PersonalDataNormalizer.PostalCodeError;
        var cleanAddress = Clean(address);
        if (cleanAddress.Length == 0) errors["Address"] = "住所を入力してください。";
        else if (cleanAddress.Length > 200) errors["Address"] = "住所は200文字以内で入力してください。";
        var cleanPhone = Clean(phone);
        if (cleanPhone.Length == 0) errors["Phone"] = "電話番号を入力してください。";
        else if (!IsPhone(cleanPhone)) errors["Phone"] = "電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフン可）。";
        var cleanFax = Clean(fax);
        if (cleanFax.Length > 0 && !IsPhone(cleanFax)) errors["Fax"] = "FAX番号は0から始まる10桁の数字で入力してください（ハイフン可）。";
        return errors.Count > 0
            ? (null, errors)
            : (new ResidentDetails(cleanName, cleanPostal!, cleanAddress, cleanPhone, cleanFax.Length == 0 ? null : cleanFax), errors);
    }

    /// <summary>Email as the account ID: checked and normalized (lower-case); null with a Japanese error otherwise.</summary>
    public static string? Email(string? input, out string? error)
    {
        error = null;
        var value = Clean(input);
        if (value.Length == 0)
        {
            error = "メールアドレスを入力してください。";
            return null;
        }
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value || !address.Host.Contains('.'))
        {
            error = "メールアドレスの形式が正しくありません（例: taro@example.jp）。";
            return null;
        }
        return PersonalDataNormalizer.Email(value);
    }

    public string PostalCodeDisplay => $"{PostalCode[..3]}-{PostalCode[3..]}";

    private static bool IsPhone(string value)
    {
        var digits = PersonalDataNormalizer.Phone(value);
        var onlyDigitsAndSeparators = value.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')');
        return onlyDigitsAndSeparators && digits.StartsWith('0') && digits.Length is 10 or 11;
    }

    private static string Clean(string? value) => (value ?? "").Normalize(NormalizationForm.FormKC).Trim();
}
