using Kocho.Core.Sites;

namespace Kocho.Core.Modules;

/// <summary>Marks an assembly as the theme of one site: its layout, styles and scripts.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class KochoThemeAttribute(string id, Site site) : Attribute
{
    public string Id { get; } = id;
    public Site Site { get; } = site;
}
