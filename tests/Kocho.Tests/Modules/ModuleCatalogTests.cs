using Kocho.Core.Modules;
using Xunit;

namespace Kocho.Tests.Modules;

public sealed class ModuleCatalogTests
{
    private static ModuleDescriptor Module(string id, params string[] dependencies) =>
        new(new KochoModuleAttribute(id, id) { Dependencies = dependencies }, typeof(ModuleCatalogTests).Assembly);

    [Fact]
    public void Modules_come_after_the_modules_they_need()
    {
        var catalog = new ModuleCatalog([Module("C", "B"), Module("B", "A"), Module("A")]);
        Assert.Equal(["A", "B", "C"], catalog.Modules.Select(m => m.Id));
    }

    [Fact]
    public void Enabling_a_module_brings_its_dependencies_transitively()
    {
        var catalog = new ModuleCatalog([Module("Reports", "Faq", "Opinions"), Module("Faq", "Core"), Module("Opinions", "Core"), Module("Core")]);
        Assert.Equal(["Core", "Faq", "Opinions", "Reports"], catalog.WithDependencies("Reports").Select(m => m.Id));
    }

    [Fact]
    public void Dependents_are_the_modules_that_need_one_directly_or_not()
    {
        var catalog = new ModuleCatalog([Module("Reports", "Faq"), Module("Faq", "Core"), Module("Core"), Module("Other")]);
        Assert.Equal(["Faq", "Reports"], catalog.Dependents("Core").Select(m => m.Id).Order());
        Assert.Empty(catalog.Dependents("Reports"));
    }

    [Fact]
    public void A_dependency_cycle_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([Module("A", "B"), Module("B", "A")]));
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void A_dependency_the_host_does_not_reference_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([Module("A", "Missing")]));
        Assert.Contains("'Missing'", error.Message);
    }

    [Fact]
    public void The_same_id_twice_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([Module("A"), Module("A")]));
    }

    [Fact]
    public void Discovery_finds_every_module_project_the_portal_references()
    {
        var catalog = ModuleCatalog.Discover();
        Assert.Equal(["Kocho.Alerts", "Kocho.Api", "Kocho.Core", "Kocho.Faq", "Kocho.Integrations", "Kocho.Migration", "Kocho.Opinions", "Kocho.Privacy", "Kocho.Reports", "Kocho.Users"], catalog.Modules.Select(m => m.Id).Order());
        Assert.All(catalog.Modules, m => Assert.Equal(m.Id, m.Assembly.GetName().Name));
        Assert.Equal(["Kocho.TheAdmin", "Kocho.TheTheme"], catalog.Themes.Select(t => t.GetName().Name!).Order());
    }
}
