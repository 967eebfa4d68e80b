namespace Kocho.Opinions.Handling;

/// <summary>処理の種類: 回答・説明・対応.</summary>
public enum HandlingKind
{
    Answer = 1,      // 回答
    Explanation = 2, // 説明
    Action = 3,      // 対応
}
