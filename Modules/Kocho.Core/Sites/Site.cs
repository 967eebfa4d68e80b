namespace Kocho.Core.Sites;

/// <summary>The two sites served by one host: residents on the internet, staff on the intranet.</summary>
public enum Site
{
    Public,
    Staff,
}
