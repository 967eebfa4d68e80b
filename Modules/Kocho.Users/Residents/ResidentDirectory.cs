using Kocho.Core.Residents;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Residents;

/// <summary>Kocho.Users' side of <see cref="IResidentDirectory"/>: reads the encrypted resident profile.</summary>
public sealed class ResidentDirectory(ResidentsDbContext db) : IResidentDirectory
{
    public async Task<ResidentContact?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return profile is null
            ? null
            : new ResidentContact(profile.UserId, profile.Name, profile.Email, profile.PostalCode, profile.Address, profile.Phone, profile.Fax);
    }
}
