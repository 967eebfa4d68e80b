using Kocho.Core.Events;

namespace Kocho.Users.Residents;

/// <summary>A resident deleted their account: modules drop the personal data they hold for it and keep statistics.</summary>
public sealed record ResidentAccountDeleted(string UserId) : IDomainEvent;
