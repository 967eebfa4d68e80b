using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kocho.Core.Protection;

/// <summary>
/// EF Core builds a context's model once and caches it; a model holds the converters of its personal-data
/// properties, and each converter holds one application's protector. Keying the cache by that protector
/// keeps two portals in one process (tests, design time) from reading each other's keys.
/// </summary>
public sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, PersonalDataModel.ProtectorOf(context));
}
