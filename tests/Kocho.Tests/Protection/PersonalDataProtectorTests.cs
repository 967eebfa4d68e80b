using System.Buffers.Text;
using System.Text;
using Kocho.Core.Protection;
using Kocho.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Xunit;

namespace Kocho.Tests.Protection;

/// <summary>The portal's personal-data protector, on the real host's key ring in the database.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataProtectorTests(PersonalDataProtectorTests.Portal portal) : IClassFixture<PersonalDataProtectorTests.Portal>
{
    private const string Address = "東京都新宿区歌舞伎町1-4-1 新宿区役所本庁舎";

    private IPersonalDataProtector Protector => portal.Host.Service<IPersonalDataProtector>();

    [Fact]
    public void A_protected_value_reads_back_and_shows_nothing_of_the_original()
    {
        var protectedValue = Protector.Protect(Address)!;

        Assert.Equal(Address, Protector.Unprotect(protectedValue));
        Assert.True(protectedValue.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), protectedValue);
        Assert.DoesNotContain("新宿", protectedValue);
        Assert.Null(Protector.Protect(null));
        Assert.Null(Protector.Unprotect(null));
        Assert.Equal("", Protector.Unprotect(Protector.Protect("")));
    }

    [Fact]
    public void Protecting_the_same_value_twice_gives_different_ciphertexts()
    {
        var first = Protector.Protect("03-3209-1111");
        var second = Protector.Protect("03-3209-1111");

        Assert.NotEqual(first, second);
        Assert.Equal(Protector.Unprotect(first), Protector.Unprotect(second));
    }

    [Fact]
    public void An_altered_value_is_refused_with_a_clear_exception()
    {
        var protectedValue = Protector.Protect(Address)!;
        var middle = protectedValue.Length / 2;
        var flipped = protectedValue[..middle] + (protectedValue[middle] == 'A' ? 'B' : 'A') + protectedValue[(middle + 1)..];

        var altered = Assert.Throws<PersonalDataIntegrityException>(() => Protector.Unprotect(flipped));
        Assert.Contains("改ざん", altered.Message);
        Assert.Throws<PersonalDataIntegrityException>(() => Protector.Unprotect(protectedValue[..^4]));
        Assert.Throws<PersonalDataIntegrityException>(() => Protector.Unprotect("not a protected value!"));
        Assert.Throws<PersonalDataIntegrityException>(() => Protector.Unprotect(Address));
    }

    [Fact]
    public void Lookup_hashes_are_stable_keyed_and_separate_per_purpose()
    {
        var email = Protector.LookupHash(LookupPurpose.Email, "hanako.koseki@city.shinjuku.lg.jp");

        Assert.Equal(email, Protector.LookupHash(LookupPurpose.Email, "hanako.koseki@city.shinjuku.lg.jp"));
        Assert.NotEqual(email, Protector.LookupHash(LookupPurpose.Email, "hanako.koseki@city.shinjuku.lg.jq"));
        Assert.NotEqual(email, Protector.LookupHash(LookupPurpose.Phone, "hanako.koseki@city.shinjuku.lg.jp"));
        Assert.Equal(43, email.Length); // 256 bits, base64url
        Assert.True(email.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), email);
        // Keyed: not the plain SHA-256 of the value, which anyone could compute from a list of addresses.
        var unkeyed = Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("hanako.koseki@city.shinjuku.lg.jp")));
        Assert.NotEqual(unkeyed, email);
    }

    [Fact]
    public async Task After_a_new_key_becomes_current_values_protected_under_the_old_key_still_read_back()
    {
        var keyManager = portal.Host.Service<IKeyManager>();
        var before = Protector.Protect(Address)!;
        var oldKey = KeyIdOf(before);

        var now = DateTimeOffset.UtcNow;
        // The newest activation wins; keys activating within the allowed clock skew count, so a key made after
        // every other one is the default whatever the ring already holds.
        var latest = keyManager.GetAllKeys().Max(k => k.ActivationDate);
        var activation = latest >= now.AddSeconds(-1) ? latest.AddSeconds(1) : now.AddSeconds(-1);
        var newKey = keyManager.CreateNewKey(activation, now.AddDays(90));
        // Data Protection reloads its key ring in the background once a key is added.
        var after = Protector.Protect(Address)!;
        for (var waited = 0; KeyIdOf(after) != newKey.KeyId && waited < 300; waited++)
        {
            await Task.Delay(100);
            after = Protector.Protect(Address)!;
        }

        Assert.Equal(newKey.KeyId, KeyIdOf(after));
        Assert.NotEqual(oldKey, newKey.KeyId);
        Assert.Equal(Address, Protector.Unprotect(before));
        Assert.Equal(Address, Protector.Unprotect(after));
        Assert.Contains(keyManager.GetAllKeys(), k => k.KeyId == oldKey && !k.IsRevoked);
    }

    /// <summary>Data Protection's payload: a 4-byte magic header, then the id of the key that protected it.</summary>
    private static Guid KeyIdOf(string protectedValue) => new(Base64Url.DecodeFromChars(protectedValue).AsSpan(4, 16));

    public sealed class Portal : IAsyncLifetime
    {
        public PortalHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
