namespace Kocho.Api.Keys;

/// <summary>What an administrator enters for a new key, as typed (the admin page's form).</summary>
public sealed class ApiKeyInput
{
    public string? Name { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string? DepartmentCode { get; set; }
    public string? RequestsPerMinute { get; set; }
}
