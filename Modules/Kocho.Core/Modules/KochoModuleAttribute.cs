namespace Kocho.Core.Modules;

/// <summary>
/// Marks an assembly as a Kocho module (Orchard's manifest pattern): the host discovers it,
/// keeps its enabled state in the database and configures it only while it is enabled.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class KochoModuleAttribute : Attribute
{
    public KochoModuleAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The project name, e.g. <c>Kocho.Faq</c>.</summary>
    public string Id { get; }

    /// <summary>Japanese display name shown on 機能管理.</summary>
    public string Name { get; }

    public string Description { get; init; } = "";

    /// <summary>Ids of the modules this one needs; enabling it enables them.</summary>
    public string[] Dependencies { get; init; } = [];

    /// <summary>Always-enabled modules cannot be disabled.</summary>
    public bool AlwaysEnabled { get; init; }

    /// <summary>The module's startup type; it must derive from <see cref="ModuleStartup"/>.</summary>
    public Type? Startup { get; init; }
}
