using System.Security.Claims;

namespace Kocho.Core.Navigation;

/// <summary>A count a module shows in the staff header beside the user's name (e.g. unread alerts), linking to its page.</summary>
public interface IHeaderBadge
{
    /// <summary>The badge for <paramref name="user"/>, or null to show nothing.</summary>
    Task<HeaderBadge?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>What the staff header renders: <paramref name="Text"/> (Japanese, translated by the layout) and the count.</summary>
public sealed record HeaderBadge(string Text, int Count, string Url, string TestId);
