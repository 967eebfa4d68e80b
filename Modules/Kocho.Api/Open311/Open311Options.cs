namespace Kocho.Api.Open311;

/// <summary><c>Kocho:Open311:…</c>: the jurisdiction this endpoint answers for and what discovery tells clients.</summary>
public sealed class Open311Options
{
    public const string Section = "Kocho:Open311";

    /// <summary>A request naming another <c>jurisdiction_id</c> is 404; one naming none is taken as this one.</summary>
    public string JurisdictionId { get; set; } = "city.shinjuku.lg.jp";
    public string Contact { get; set; } = "新宿区 区政情報課 広聴担当（03-3209-1111）";
    public string KeyService { get; set; } = "APIキーは新宿区の広聴担当が発行します。";
}
