using Kocho.Core.Events;
using Kocho.Core.Residents;

namespace Kocho.Users.Residents;

/// <summary>
/// A resident deleted their account: modules drop the personal data they hold for it and keep statistics.
/// <paramref name="Contact"/> is what the account held, for transactional handlers that must still find it in their own
/// free text (the retention purge); it lives only in memory and is never logged.
/// </summary>
public sealed record ResidentAccountDeleted(string UserId, ResidentContact? Contact = null) : IDomainEvent;
