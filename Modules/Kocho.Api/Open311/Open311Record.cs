namespace Kocho.Api.Open311;

/// <summary>
/// One GeoReport object as ordered fields, written as a JSON object or as XML child elements by
/// <see cref="Open311Writer"/>. Values: string, bool, number, <see cref="DateTime"/> (UTC), null, a nested record or an
/// <see cref="Open311Array"/>.
/// </summary>
public sealed class Open311Record : List<KeyValuePair<string, object?>>
{
    public Open311Record With(string name, object? value)
    {
        Add(new(name, value));
        return this;
    }
}

/// <summary>A GeoReport list: a JSON array, or in XML an element holding one <see cref="ItemName"/> element per item.</summary>
public sealed record Open311Array(string ItemName, IReadOnlyList<object?> Items);
