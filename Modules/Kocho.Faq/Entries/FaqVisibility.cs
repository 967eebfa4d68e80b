namespace Kocho.Faq.Entries;

/// <summary>公開 = on the internet site; 内部 = call center and staff only (never on the public site or its API).</summary>
public enum FaqVisibility
{
    Public = 0,
    Internal = 1,
}
