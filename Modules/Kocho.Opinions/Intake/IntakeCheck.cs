using System.Net.Mail;
using System.Text;
using Kocho.Core.Protection;
using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Intake;

/// <summary>
/// Checks and normalizes an <see cref="IntakeRequest"/> in place (NFKC, trimmed, 〒 and full-width digits folded);
/// returns every error at once, keyed by field, in Japanese. Nothing is saved while one remains.
/// </summary>
public static class IntakeCheck
{
    public const int SubjectMax = 100;
    public const int BodyMax = 10_000;

    public static Dictionary<string, string> Run(IntakeRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        r.Subject = Clean(r.Subject);
        r.Body = (r.Body ?? "").Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Trim();
        if (r.Subject.Length == 0) errors["Subject"] = "件名を入力してください。";
        else if (r.Subject.Length > SubjectMax) errors["Subject"] = $"件名は{SubjectMax}文字以内で入力してください。";
        if (r.Body.Length == 0) errors["Body"] = "内容を入力してください。";
        else if (r.Body.Length > BodyMax) errors["Body"] = $"内容は{BodyMax:N0}文字以内で入力してください（現在{r.Body.Length:N0}文字）。";
        if (!Enum.IsDefined(r.Kind)) errors["Kind"] = "種別を選んでください。";
        if (!Enum.IsDefined(r.Channel)) errors["Channel"] = "受付媒体を選んでください。";
        if (r.ReceivedOn is { } received)
        {
            if (received > today) errors["ReceivedOn"] = "受付日に未来の日付は指定できません。";
            else if (received < today.AddYears(-1)) errors["ReceivedOn"] = "受付日は1年以内の日付を指定してください。";
        }
        if (!r.ToMayor && r.DepartmentId is null) errors["DepartmentId"] = "問合せ先の所属を選んでください。";

        r.Name = CleanOrNull(r.Name);
        r.Address = CleanOrNull(r.Address);
        r.Email = CleanOrNull(r.Email);
        r.Phone = CleanOrNull(r.Phone);
        r.Fax = CleanOrNull(r.Fax);
        r.PostalCode = CleanOrNull(r.PostalCode);
        r.ForwardComment = CleanOrNull(r.ForwardComment);
        if (r.ForwardComment is { Length: > 2000 }) errors["ForwardComment"] = "転送コメントは2,000文字以内で入力してください。";

        switch (r.Sender)
        {
            case SenderKind.Anonymous:
                r.ResidentUserId = null;
                r.Name = r.PostalCode = r.Address = r.Phone = r.Fax = r.Email = null;
                r.WantsAnswer = false;
                break;
            case SenderKind.Resident:
                if (string.IsNullOrEmpty(r.ResidentUserId)) errors["Sender"] = "ログインしている利用者が見つかりません。もう一度ログインしてください。";
                r.Name = r.PostalCode = r.Address = r.Phone = r.Fax = r.Email = null;
                break;
            case SenderKind.Contact:
                r.ResidentUserId = null;
                CheckContact(r, errors);
                break;
            default:
                errors["Sender"] = "差出人の区分を選んでください。";
                break;
        }
        if (!r.WantsAnswer) r.AnswerMethod = AnswerMethod.None;
        else CheckAnswerMethod(r, errors);

        if (r.Attachments.Count > FileTypes.MaxFiles) errors["Attachments"] = $"添付ファイルは{FileTypes.MaxFiles}件までです。";
        foreach (var file in r.Attachments)
        {
            if (file.Content.Length == 0) errors["Attachments"] = $"添付ファイル「{file.FileName}」が空です。";
            else if (file.Content.Length > FileTypes.MaxBytes) errors["Attachments"] = $"添付ファイル「{file.FileName}」が10MBを超えています。";
            else if (FileTypes.Detect(file.Content) is null) errors["Attachments"] = $"添付ファイル「{file.FileName}」は画像（JPEG・PNG・GIF・TIFF・WebP）またはPDFではありません。";
        }
        return errors;
    }

    private static void CheckContact(IntakeRequest r, Dictionary<string, string> errors)
    {
        if (r.Name is null) errors["Name"] = "氏名を入力してください。";
        else if (r.Name.Length > 100) errors["Name"] = "氏名は100文字以内で入力してください。";
        if (r.PostalCode is not null)
        {
            if (PersonalDataNormalizer.TryPostalCode(r.PostalCode, out var postal)) r.PostalCode = postal;
            else errors["PostalCode"] = "郵便番号は「〒160-8484」のように7桁の数字で入力してください。";
        }
        if (r.Address is { Length: > 200 }) errors["Address"] = "住所は200文字以内で入力してください。";
        if (r.Phone is not null && !IsPhone(r.Phone)) errors["Phone"] = "電話番号は0から始まる10桁または11桁の数字で入力してください（ハイフン可）。";
        if (r.Fax is not null && !IsPhone(r.Fax)) errors["Fax"] = "FAX番号は0から始まる10桁または11桁の数字で入力してください（ハイフン可）。";
        if (r.Email is not null)
        {
            if (r.Email.Length > 254 || !MailAddress.TryCreate(r.Email, out var address) || address.Address != r.Email || !address.Host.Contains('.'))
                errors["Email"] = "メールアドレスの形式が正しくありません（例: taro@example.jp）。";
            else r.Email = PersonalDataNormalizer.Email(r.Email);
        }
    }

    private static void CheckAnswerMethod(IntakeRequest r, Dictionary<string, string> errors)
    {
        switch (r.AnswerMethod)
        {
            case AnswerMethod.Web:
                if (r.Sender == SenderKind.Contact && r.Channel != Channel.WebForm)
                    errors["AnswerMethod"] = "Webでの回答は、Webフォームから届いた意見等か登録利用者の意見等でのみ選べます。";
                break;
            case AnswerMethod.Email:
                if (r.Sender == SenderKind.Contact && r.Email is null && !errors.ContainsKey("Email")) errors["Email"] = "メールでの回答にはメールアドレスが必要です。";
                break;
            case AnswerMethod.Letter:
                if (r.Sender == SenderKind.Contact)
                {
                    if (r.PostalCode is null && !errors.ContainsKey("PostalCode")) errors["PostalCode"] = "郵送での回答には郵便番号が必要です。";
                    if (r.Address is null && !errors.ContainsKey("Address")) errors["Address"] = "郵送での回答には住所が必要です。";
                }
                break;
            case AnswerMethod.Phone:
                if (r.Sender == SenderKind.Contact && r.Phone is null && !errors.ContainsKey("Phone")) errors["Phone"] = "電話での回答には電話番号が必要です。";
                break;
            default:
                errors["AnswerMethod"] = "回答方法を選んでください。";
                break;
        }
    }

    /// <summary>A Japanese phone or FAX number: 0 and 10 or 11 digits in all, hyphens, spaces and brackets allowed.</summary>
    public static bool IsPhone(string value)
    {
        var digits = PersonalDataNormalizer.Phone(value);
        return value.Normalize(NormalizationForm.FormKC).All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' or 'ー' or '−')
            && digits.StartsWith('0') && digits.Length is 10 or 11;
    }

    private static string Clean(string? value) => (value ?? "").Normalize(NormalizationForm.FormKC).Trim();

    private static string? CleanOrNull(string? value) => Clean(value) is { Length: > 0 } v ? v : null;
}
