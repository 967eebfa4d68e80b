using System.Collections.Concurrent;
using System.Net;
using Xunit;
using static Kocho.Tests.Security.Who;

namespace Kocho.Tests.Security;

/// <summary>
/// OWASP ASVS V4: every route of the running app (both listeners) is opened by every role, and the outcome is the one
/// the table below gives. A route without a row fails the test by name, so a new page or API cannot ship unreviewed.
/// Deny is, as the app does it: not signed in on that site → 302 to that site's sign-in page (the APIs: 401);
/// signed in without the permission → 302 to /admin/denied; signed in but the thing is outside one's scope → 404.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuthorizationMatrixTests(SecuritySite site)
{
    /// <summary>A row: the route (site and pattern as in the routing table), a URL that fills it with demo ids, who may open it.</summary>
    /// <param name="DenyTo">Where a refusal must lead when it is not the usual one (the sign-in steps send everyone back to the sign-in).</param>
    public sealed record Expectation(string Site, string Pattern, string Path, Who Allowed, string? DenyTo = null)
    {
        public string Key => $"{Site} {Pattern}";
    }

    private const Who Cases = Department | Approver | Section | Admin;
    private const Who FaqEditors = Department | Section | Admin;
    private const Who Reports = Department | Approver | Section | Admin;
    private const Who Nobody = None;

    /// <summary>The authorization matrix. "both" = the route answers on both listeners (tried on each).</summary>
    public static IReadOnlyList<Expectation> Table(SecuritySite s) =>
    [
        // ── public site: residents and guests ──
        new("public", "/", "/", Everyone),
        new("public", "/faq", "/faq", Everyone),
        new("public", "/faq/search", "/faq/search?q=住民票", Everyone),
        new("public", "/faq/{number:int}", $"/faq/{s.PublicFaq}", Everyone),
        new("public", "/faq/category/{code}", $"/faq/category/{s.CategoryCode}", Everyone),
        new("public", "/api/faq/search", "/api/faq/search?q=住民票", Everyone),
        new("public", "/api/faq/suggest", "/api/faq/suggest?q=住民", Everyone),
        new("public", "/api/faq/{id:int}", $"/api/faq/{s.PublicFaq}", Everyone),
        new("public", "/opinions/new", "/opinions/new", Everyone),
        new("public", "/opinions/answer", "/opinions/answer", Everyone),
        new("public", "/account/login", "/account/login", Everyone),
        new("public", "/account/register", "/account/register", Everyone),
        new("public", "/account/register/sent", "/account/register/sent", Everyone),
        new("public", "/account/forgot", "/account/forgot", Everyone),
        new("public", "/account/reset", "/account/reset", Everyone),
        new("public", "/account/verify", "/account/verify", Everyone),
        new("public", "/account/email/confirm", "/account/email/confirm", Everyone),
        new("public", "/account/logout", "/account/logout", Everyone),
        new("public", "/account/deleted", "/account/deleted", Everyone),
        new("public", "/account", "/account", Resident),
        new("public", "/account/edit", "/account/edit", Resident),
        new("public", "/account/email", "/account/email", Resident),
        new("public", "/account/delete", "/account/delete", Resident),
        new("public", "/account/opinions", "/account/opinions", Resident),
        new("public", "/account/disclosure", "/account/disclosure", Resident),
        // Open311 (GeoReport v2): discovery, services and request status are public by the standard; posting needs a key.
        new("public", "/open311/discovery.{format}", "/open311/discovery.json", Everyone),
        new("public", "/open311/v2/services.{format}", "/open311/v2/services.json", Everyone),
        new("public", "/open311/v2/services/{service_code}.{format}", $"/open311/v2/services/{s.CategoryCode}.json", Everyone),
        new("public", "/open311/v2/requests.{format}", "/open311/v2/requests.json", Everyone),
        new("public", "/open311/v2/requests/{service_request_id}.{format}", $"/open311/v2/requests/{s.Open311Receipt}.json", Everyone),
        new("both", "/health", "/health", Everyone),
        new("both", "/culture/{culture}", "/culture/ja-JP?returnUrl=%2F", Everyone),

        // ── staff site: sign-in ──
        new("staff", "/", "/", Everyone),
        new("staff", "/admin/login", "/admin/login", Everyone),
        // The second step of a sign-in: only between the password and the code (a five-minute cookie), else back to the sign-in.
        new("staff", "/admin/login/two-factor", "/admin/login/two-factor", Nobody, DenyTo: "/admin/login"),
        new("staff", "/admin/login/recovery", "/admin/login/recovery", Nobody, DenyTo: "/admin/login"),
        new("staff", "/admin/logout", "/admin/logout", Everyone),
        new("staff", "/admin/account/password", "/admin/account/password", Staff),
        new("staff", "/admin/account/two-factor", "/admin/account/two-factor", Staff),
        // The refusal page itself: 403 for everyone.
        new("staff", "/admin/denied", "/admin/denied", Nobody),
        new("staff", "/admin", "/admin", Staff),

        // ── staff site: opinions (意見等) ──
        new("staff", "/admin/opinions", "/admin/opinions", Staff),
        new("staff", "/admin/opinions/search", "/admin/opinions/search?text=ごみ", Staff),
        new("staff", "/admin/opinions/history", "/admin/opinions/history", Staff),
        new("staff", "/admin/opinions/new", "/admin/opinions/new", Section | Admin),
        new("staff", "/admin/opinions/call", "/admin/opinions/call", CallCenter | Section | Admin),
        new("staff", "/admin/opinions/{id:guid}", $"/admin/opinions/{s.CaseA}", Cases),
        new("staff", "/admin/opinions/{id:guid}/letter", $"/admin/opinions/{s.AnsweredCaseA}/letter", Section | Admin),
        new("staff", "/admin/opinions/{id:guid}/attachments/{attachmentId:guid}", $"/admin/opinions/{s.CaseA}/attachments/{s.AttachmentA}", Cases),

        // ── staff site: FAQ ──
        new("staff", "/admin/faq", "/admin/faq", Staff),
        new("staff", "/admin/faq/search", "/admin/faq/search?q=ごみ", Staff),
        new("staff", "/admin/faq/approvals", "/admin/faq/approvals", Staff),
        // An entry's page is for its department, the section and the administrators (the call center searches instead): 404 to others.
        new("staff", "/admin/faq/{number:int}", $"/admin/faq/{s.FaqOfA}", Cases),
        new("staff", "/admin/faq/{number:int}/diff", $"/admin/faq/{s.FaqOfA}/diff?from=1&to=1", Cases),
        new("staff", "/admin/faq/edit/{number:int?}", $"/admin/faq/edit/{s.FaqOfA}", FaqEditors),
        new("staff", "/admin/faq/reviews", "/admin/faq/reviews", FaqEditors),
        new("staff", "/admin/faq/csv", "/admin/faq/csv", Section | Admin),
        new("staff", "/admin/faq/gaps", "/admin/faq/gaps", Section | Admin),

        // ── staff site: reports (統計・CSV) ──
        new("staff", "/admin/reports", "/admin/reports", Reports),
        new("staff", "/admin/reports/departments", "/admin/reports/departments", Reports),
        new("staff", "/admin/reports/faq", "/admin/reports/faq", Reports),
        new("staff", "/admin/reports/exports", "/admin/reports/exports", Reports),
        new("staff", "/admin/reports/exports/{id:guid}", $"/admin/reports/exports/{s.ExportJobOfSection}", Section),

        // ── staff site: alerts, privacy ──
        new("staff", "/admin/alerts", "/admin/alerts", Staff),
        new("staff", "/admin/alerts/preferences", "/admin/alerts/preferences", Staff),
        new("staff", "/admin/alerts/rules", "/admin/alerts/rules", Admin),
        new("staff", "/admin/privacy/faq-draft/{id:guid}", $"/admin/privacy/faq-draft/{s.AnsweredCaseA}", FaqEditors),
        new("staff", "/admin/privacy/incidents/new", "/admin/privacy/incidents/new", Staff),
        new("staff", "/admin/privacy/incidents", "/admin/privacy/incidents", Admin),
        new("staff", "/admin/privacy/incidents/{id:guid}", $"/admin/privacy/incidents/{s.IncidentId}", Admin),
        new("staff", "/admin/privacy/disclosure", "/admin/privacy/disclosure", Section | Admin),
        new("staff", "/admin/privacy/access", "/admin/privacy/access", Section | Admin),
        new("staff", "/admin/privacy/prohibited-terms", "/admin/privacy/prohibited-terms", Admin),

        // ── staff site: administration ──
        new("staff", "/admin/modules", "/admin/modules", Admin),
        new("staff", "/admin/users", "/admin/users", Admin),
        new("staff", "/admin/users/new", "/admin/users/new", Admin),
        new("staff", "/admin/users/{id}", $"/admin/users/{s.GomiUserId}", Admin),
        new("staff", "/admin/roles", "/admin/roles", Admin),
        new("staff", "/admin/departments", "/admin/departments", Admin),
        new("staff", "/admin/departments/edit/{id:guid?}", $"/admin/departments/edit/{s.DepartmentAId}", Admin),
        new("staff", "/admin/calendar", "/admin/calendar", Staff),
        new("staff", "/admin/search/synonyms", "/admin/search/synonyms", Section | Admin),
        new("staff", "/admin/audit", "/admin/audit", Admin),
        new("staff", "/admin/integrations/webhooks", "/admin/integrations/webhooks", Admin),
        new("staff", "/admin/integrations/mailbox", "/admin/integrations/mailbox", Section | Admin),
        new("staff", "/admin/api/keys", "/admin/api/keys", Admin),
        new("staff", "/admin/api/reference", "/admin/api/reference", Staff),
        // The API description is for integrations, which hold no cookie: open on the intranet listener.
        new("staff", "/api/{documentName}/openapi.json", "/api/v1/openapi.json", Everyone),

        // ── staff REST API: a key (Authorization: Bearer), never a cookie — every session is refused with 401 ──
        new("staff", "/api/v1/cases", "/api/v1/cases", Nobody),
        new("staff", "/api/v1/cases/{id}", $"/api/v1/cases/{s.CaseA}", Nobody),
        new("staff", "/api/v1/cases/{id}/history", $"/api/v1/cases/{s.CaseA}/history", Nobody),
        new("staff", "/api/v1/faq/search", "/api/v1/faq/search?q=ごみ", Nobody),
    ];

    [Fact]
    public void Every_route_in_the_routing_table_has_an_expectation()
    {
        var routes = RoutingTable.Of(site.Host.Services).Where(r => r.Accepts("GET")).Select(r => r.Key).ToHashSet();
        var table = Table(site).Select(e => e.Key).ToList();
        Assert.Equal(table.Count, table.Distinct().Count());
        var missing = routes.Except(table).Order().ToList();
        var stale = table.Except(routes).Order().ToList();
        Assert.True(missing.Count == 0, "Routes without an expectation in the authorization matrix (add a row): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for routes the app no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_the_matrix_allows()
    {
        var failures = new ConcurrentBag<string>();
        var table = Table(site);
        await Task.WhenAll(site.Sessions.Values.Select(async session =>
        {
            foreach (var row in table)
            {
                foreach (var staffSite in row.Site switch { "staff" => new[] { true }, "public" => [false], _ => [false, true] })
                {
                    var outcome = await OutcomeAsync(session, staffSite, row.Path);
                    var allowed = row.Allowed.HasFlag(session.Who);
                    if (outcome.Error is not null)
                    {
                        failures.Add($"{session.Who} GET {row.Path}: {outcome}");
                    }
                    else if (allowed != outcome.Allowed)
                    {
                        failures.Add($"{session.Who} GET {row.Path}: expected {(allowed ? "allowed" : "denied")}, got {outcome}");
                    }
                    else if (!outcome.Allowed && !(row.DenyTo is { } to ? outcome.Location == to : DenialFits(session, staffSite, row.Path, outcome)))
                    {
                        failures.Add($"{session.Who} GET {row.Path}: denied the wrong way: {outcome}");
                    }
                }
            }
        }));
        Assert.True(failures.IsEmpty, $"{failures.Count} cells of the authorization matrix differ:\n" + string.Join("\n", failures.Order()));
    }

    /// <summary>Not signed in on that site: its sign-in page (the APIs answer 401; the refusal page 403). Signed in: /admin/denied, 403 or 404.</summary>
    private static bool DenialFits(Session session, bool staffSite, string path, Outcome outcome)
    {
        if (path.StartsWith("/api/v1/", StringComparison.Ordinal)) return outcome.Status == HttpStatusCode.Unauthorized;
        var signedInHere = staffSite ? Staff.HasFlag(session.Who) && session.Who != None : session.Who == Resident;
        if (!signedInHere) return outcome.Location == (staffSite ? "/admin/login" : "/account/login") || outcome.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
        return outcome.Location == "/admin/denied" || outcome.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
    }

    public sealed record Outcome(HttpStatusCode Status, string? Location, string? Error)
    {
        public bool Allowed => Error is null && ((int)Status is >= 200 and < 300
            || ((int)Status is >= 300 and < 400 && Location is not ("/admin/login" or "/account/login" or "/admin/denied")));

        public override string ToString() => $"{(int)Status}{(Location is null ? "" : " → " + Location)}{(Error is null ? "" : " " + Error)}";
    }

    /// <summary>The path of a redirect's target (absolute or relative), without its query.</summary>
    public static string? PathOf(Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    public static async Task<Outcome> OutcomeAsync(Session session, bool staffSite, string path)
    {
        using var response = await session.On(staffSite).GetAsync(path);
        var location = PathOf(response.Headers.Location);
        var status = (int)response.StatusCode;
        var error = status >= 500 || status is 400 or 405 ? "unexpected status" : null;
        return new Outcome(response.StatusCode, location, error);
    }
}
