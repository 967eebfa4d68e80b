using MimeKit;
using Microsoft.Extensions.Options;

namespace Kocho.Core.Mail;

/// <summary>Refuses a start with mail settings that cannot work, naming the setting and what to put there.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var errors = new List<string>();
        var smtp = options.Smtp;
        if (smtp.Port is < 0 or > 65535)
        {
            errors.Add($"Kocho:Mail:Smtp:Port は 1〜65535 のポート番号にしてください（0 または未設定で既定のポート）。現在の値: {smtp.Port}");
        }
        if (!Enum.IsDefined(smtp.Security))
        {
            errors.Add($"Kocho:Mail:Smtp:Security は None、StartTls、SslOnConnect、Auto のいずれかにしてください。現在の値: {smtp.Security}");
        }
        if (options.UsesSmtp)
        {
            if (string.IsNullOrWhiteSpace(smtp.From))
            {
                errors.Add("Kocho:Mail:Smtp:Host を設定したときは Kocho:Mail:Smtp:From（送信元メールアドレス）も設定してください。");
            }
            if (Uri.CheckHostName(smtp.Host!.Trim()) == UriHostNameType.Unknown)
            {
                errors.Add($"Kocho:Mail:Smtp:Host はホスト名または IP アドレスにしてください。現在の値: {smtp.Host}");
            }
        }
        if (!string.IsNullOrWhiteSpace(smtp.From) && !MailOutbox.IsAddress(smtp.From))
        {
            errors.Add($"Kocho:Mail:Smtp:From はメールアドレス（例: kocho@city.example.jp）にしてください。現在の値: {smtp.From}");
        }
        if (!string.IsNullOrEmpty(smtp.Password) && string.IsNullOrWhiteSpace(smtp.UserName))
        {
            errors.Add("Kocho:Mail:Smtp:Password を使うには Kocho:Mail:Smtp:UserName も設定してください。");
        }
        if (smtp.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"Kocho:Mail:Smtp:Timeout は正の時間（例: 00:01:00）にしてください。現在の値: {smtp.Timeout}");
        }
        if (options.MaxAttempts < 1)
        {
            errors.Add($"Kocho:Mail:MaxAttempts は 1 以上にしてください。現在の値: {options.MaxAttempts}");
        }
        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            errors.Add($"Kocho:Mail:FirstRetryDelay は正の時間に、MaxRetryDelay はそれ以上にしてください。現在の値: {options.FirstRetryDelay}, {options.MaxRetryDelay}");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Kocho:Mail:PollInterval は正の時間にしてください。現在の値: {options.PollInterval}");
        }
        if (options.Lease < smtp.Timeout * 2)
        {
            errors.Add($"Kocho:Mail:Lease は Kocho:Mail:Smtp:Timeout の 2 倍以上にしてください。現在の値: {options.Lease}（Timeout {smtp.Timeout}）");
        }
        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"Kocho:Mail:BatchSize は 1〜1000 にしてください。現在の値: {options.BatchSize}");
        }
        if (options.KeepDelivered < TimeSpan.FromHours(1))
        {
            errors.Add($"Kocho:Mail:KeepDelivered は 1 時間以上にしてください。現在の値: {options.KeepDelivered}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
