using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Kocho.Core.Search;

namespace Kocho.Opinions.Search;

/// <summary>What this node last wrote to the "cases" index per case (a fingerprint), so unchanged documents are not written again.</summary>
public sealed class CaseIndexState
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<Guid, string> _written = new();

    /// <summary>True (and remembered) when <paramref name="document"/> differs from what was last written for the case.</summary>
    public bool Changed(Guid caseId, SearchDocument document)
    {
        var fingerprint = Fingerprint(document);
        if (_written.TryGetValue(caseId, out var last) && last == fingerprint) return false;
        if (_written.Count >= Capacity) _written.Clear();
        _written[caseId] = fingerprint;
        return true;
    }

    public void Forget(Guid caseId) => _written.TryRemove(caseId, out _);

    private static string Fingerprint(SearchDocument document)
    {
        var text = new StringBuilder().Append(document.Title).Append('\0').Append(document.Body).Append('\0').Append(document.Date?.Ticks);
        foreach (var (key, values) in document.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append('\0').Append(key).Append('=').AppendJoin(',', values);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
