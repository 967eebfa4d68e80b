using System.Security.Cryptography;

namespace Kocho.Core.Protection;

/// <summary>
/// An encrypted personal value could not be read: it was altered, truncated, or protected under a key this
/// site does not have (or revoked). Never a reason to show the stored text.
/// </summary>
public sealed class PersonalDataIntegrityException(Exception inner)
    : CryptographicException("暗号化された個人情報を復号できません。値が改ざんされたか、復号に必要な鍵がありません。", inner);
