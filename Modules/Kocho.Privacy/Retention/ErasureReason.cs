namespace Kocho.Privacy.Retention;

public enum ErasureReason
{
    /// <summary>保存期間の経過</summary>
    Expired,

    /// <summary>利用者登録の廃止</summary>
    AccountClosed,
}
