using Kocho.Core.Navigation;

namespace Kocho.Faq;

/// <summary>FAQ suggestions on any public form that asks for them with <c>data-faq-suggest</c> (the inquiry form of Kocho.Opinions).</summary>
public sealed class PublicScripts : IPublicScripts
{
    public IEnumerable<string> GetScripts() => ["/assets/Kocho.Faq/js/faq-suggest.js"];
}
