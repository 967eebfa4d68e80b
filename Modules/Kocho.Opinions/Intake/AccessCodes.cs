using System.Security.Cryptography;
using System.Text;
using Kocho.Core.Protection;

namespace Kocho.Opinions.Intake;

/// <summary>
/// The access code a web sender gets with the 受付番号: shown once, mailed when an address was given, stored only as a
/// keyed hash bound to the receipt number. Typed codes are folded (full-width, lower case, hyphens) before hashing.
/// </summary>
public sealed class AccessCodes(IPersonalDataProtector protector)
{
    private const string Purpose = "opinion-access-code";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewCode()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    public string Hash(string receiptNumber, string code) => protector.LookupHash(Purpose, receiptNumber + ":" + Fold(code));

    private static string Fold(string code) =>
        new(code.Normalize(NormalizationForm.FormKC).ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
