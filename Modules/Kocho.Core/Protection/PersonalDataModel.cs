using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kocho.Core.Protection;

/// <summary>
/// Marks entity properties as personal data: <c>e.Property(x => x.Phone).IsPersonalData(this)</c> in a
/// DbContext's <c>OnModelCreating</c>. The protector comes from the application services the context was
/// created with (Kocho.Core registers it; <c>DesignTime.Create</c> gives a protector that refuses to be used).
/// </summary>
public static class PersonalDataModel
{
    public static PropertyBuilder<TProperty> IsPersonalData<TProperty>(this PropertyBuilder<TProperty> property, DbContext context)
    {
        if (typeof(TProperty) != typeof(string))
        {
            throw new InvalidOperationException($"{property.Metadata.DeclaringType.DisplayName()}.{property.Metadata.Name}: only string properties can be stored encrypted.");
        }
        var protector = ProtectorOf(context) ?? throw new InvalidOperationException(
            $"{context.GetType().Name} has no {nameof(IPersonalDataProtector)} in its application services: create it through dependency injection " +
            "(Kocho.Core registers the protector) or, for dotnet ef, through DesignTime.Create.");
        property.HasConversion(new ProtectedStringConverter(protector));
        return property;
    }

    /// <summary>The protector of the application the context belongs to, or null outside dependency injection.</summary>
    public static IPersonalDataProtector? ProtectorOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(IPersonalDataProtector))
            as IPersonalDataProtector;
}
