namespace Kocho.Faq.Entries;

/// <summary>The life of a version: 下書き → 承認待 → 公開 (or 差戻し back to the editor); later 旧版 or 公開停止.</summary>
public enum FaqVersionStatus
{
    Draft = 0,
    Pending = 1,
    Returned = 2,
    Published = 3,
    Superseded = 4,
    Unpublished = 5,
}
