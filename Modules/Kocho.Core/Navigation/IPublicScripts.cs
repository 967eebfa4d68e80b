namespace Kocho.Core.Navigation;

/// <summary>Scripts a module adds to every public page while it is enabled (CSP allows only same-origin files, never inline script).</summary>
public interface IPublicScripts
{
    /// <summary>Same-origin URLs, usually under <c>/assets/&lt;AssemblyName&gt;/</c>.</summary>
    IEnumerable<string> GetScripts();
}
