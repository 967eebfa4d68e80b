namespace Kocho.Faq.Csv;

/// <summary>
/// An FAQ CSV export: its bytes, the entries in it, the characters Shift_JIS could not hold (written as 〓), and whether it was
/// withheld because of them (the staff page asks before making such a file).
/// </summary>
public sealed record FaqCsvFile(byte[] Content, int Count, int ReplacedCharacters, bool Withheld);
