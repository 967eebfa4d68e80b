using Xunit;

namespace Kocho.Tests.Security;

/// <summary>The authorization matrix, department isolation and CSRF tests share one demo site and its signed-in sessions.</summary>
[CollectionDefinition(Name)]
[Kocho.Tests.Infrastructure.RunsLong]
public sealed class SecurityCollection : ICollectionFixture<SecuritySite>
{
    public const string Name = "Security demo site";
}
