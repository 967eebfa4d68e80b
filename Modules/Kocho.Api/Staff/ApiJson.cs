using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Kocho.Api.Staff;

/// <summary>The staff API's JSON: camelCase, enums by name, Japanese written as it is; unknown request fields refused.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// The property whose string value holds a NUL character (<c>\u0000</c>), or null. PostgreSQL cannot store NUL in
    /// text, so such a body is refused with 400 before anything is looked up or saved. Call it on a body that parsed.
    /// </summary>
    public static string? FieldWithNul(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..];
        var reader = new Utf8JsonReader(json);
        var property = "";
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName) property = reader.GetString() ?? "";
            else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0')) return property;
        }
        return null;
    }
}
