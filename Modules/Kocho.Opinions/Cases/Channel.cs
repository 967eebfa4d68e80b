namespace Kocho.Opinions.Cases;

/// <summary>受付媒体: how the case reached the ward.</summary>
public enum Channel
{
    Letter = 1,        // 一般投書
    MayorPostcard = 2, // 区長へのはがき
    Email = 3,         // メール
    WebForm = 4,       // Webフォーム
    CallCenter = 5,    // コールセンター
    Phone = 6,         // 電話
    Fax = 7,           // FAX
    Visit = 8,         // 来庁
    Open311 = 9,       // Open311 (GeoReport v2 clients)
}
