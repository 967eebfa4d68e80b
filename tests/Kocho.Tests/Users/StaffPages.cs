using System.Net;
using System.Text.RegularExpressions;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Users;

/// <summary>Small readers for the staff pages, so that the tests read as what a person does and sees.</summary>
public static partial class StaffPages
{
    public const string MemberPassword = "member-password-2026";

    /// <summary>Creates a staff member with the CLI (<c>users add</c>), as an administrator's script would.</summary>
    public static async Task AddMemberAsync(this PortalHost host, string login, string name, string role, string? department = "0502", string password = MemberPassword)
    {
        var args = new List<string> { "users", "add", "--login", login, "--name", name, "--role", role, "--password", password };
        if (department is not null) args.AddRange(["--department", department]);
        var (code, _, error) = await host.RunVerbAsync([.. args]);
        Assert.True(code == 0, error);
    }

    /// <summary>The member's page, found as an administrator finds it: searching the list and following the login ID.</summary>
    public static async Task<string> MemberPageAsync(this PortalClient admin, string login)
    {
        var list = await admin.GetStringAsync("/admin/users?q=" + Uri.EscapeDataString(login));
        var match = Regex.Match(list, $"<a href=\"(/admin/users/[^\"]+)\">{Regex.Escape(login)}</a>");
        Assert.True(match.Success, $"{login} is not in the staff list");
        return match.Groups[1].Value;
    }

    /// <summary>The member's row in the staff list (searched by login ID).</summary>
    public static async Task<string> StaffRowAsync(this PortalClient admin, string login)
    {
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users?q=" + Uri.EscapeDataString(login)));
        var match = Regex.Match(list, $"<tr data-testid=\"user-{Regex.Escape(login)}\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"{login} is not in the staff list");
        return match.Value;
    }

    public static string PathOf(this HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Tries to sign in with a password only; returns the response (the page the browser ends on).</summary>
    public static Task<HttpResponseMessage> TryPasswordSignInAsync(this PortalClient client, string login, string password) =>
        client.PostFormAsync("/admin/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });

    public static IReadOnlyList<string> RecoveryCodesOn(string html) =>
        [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
