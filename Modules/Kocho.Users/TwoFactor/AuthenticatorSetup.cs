using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace Kocho.Users.TwoFactor;

/// <summary>
/// What an authenticator app needs to add a staff account: the shared key to type in, or the
/// <c>otpauth://</c> URI (issuer 「Kocho」) as a QR code, given as a PNG data URI (CSP allows <c>img-src data:</c>).
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string OtpAuthUri, string QrCodeDataUri)
{
    public const string Issuer = "Kocho";

    public static AuthenticatorSetup For(string login, string unformattedKey)
    {
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(login)}?secret={unformattedKey}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 5);
        return new AuthenticatorSetup(FormatKey(unformattedKey), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Groups of four lower-case characters: easier to read out and type.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }
}
