using System.Net;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Calendar;

/// <summary>The configured calendar from the command line and the staff page, with administrators' 例外日.</summary>
[Trait("Category", "Integration")]
public sealed class CalendarServiceTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Calendar_due_counts_fourteen_business_days_across_the_year_end()
    {
        var (code, output, error) = await _host.RunVerbAsync("calendar", "due", "--from", "2026-12-25");
        Assert.True(code == 0, error);
        Assert.Equal("2027-01-21", output.Trim());

        var three = await _host.RunVerbAsync("calendar", "due", "--from", "2026-04-28", "--business-days", "3");
        Assert.Equal("2026-05-07", three.Output.Trim());
    }

    [Fact]
    public async Task Calendar_holidays_prints_the_year_as_csv_with_substitute_and_citizens_holidays()
    {
        var (code, output, _) = await _host.RunVerbAsync("calendar", "holidays", "--year", "2026");
        Assert.Equal(0, code);
        var lines = output.Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("date,name", lines[0]);
        Assert.Contains("2026-01-01,元日", lines);
        Assert.Contains("2026-05-06,振替休日", lines);
        Assert.Contains("2026-09-22,国民の休日", lines);
        Assert.Contains("2026-11-23,勤労感謝の日", lines);
        Assert.Equal(18, lines.Count - 1);
    }

    [Theory]
    [InlineData(new[] { "calendar", "due", "--from", "2026/12/25" }, "日付は YYYY-MM-DD の形で指定してください（例: 2026-12-25）。")]
    [InlineData(new[] { "calendar", "due", "--from", "2026-12-25", "--business-days", "0" }, "業務日数は 1 から 365 までで指定してください。")]
    [InlineData(new[] { "calendar", "holidays", "--year", "1900" }, "年は 1948 から 2150 までで指定してください。")]
    public async Task Bad_input_gets_a_one_line_Japanese_reason(string[] verb, string reason)
    {
        var (code, _, error) = await _host.RunVerbAsync(verb);
        Assert.Equal(1, code);
        Assert.Equal(reason, error.Trim());
    }

    [Fact]
    public async Task An_administrator_adds_a_closure_day_and_the_due_date_moves()
    {
        using var client = await _host.SignedInStaffAsync();
        var page = await client.GetStringAsync("/admin/calendar?year=2027");
        Assert.Contains("2027-01-11 成人の日", page);
        Assert.Contains("data-testid=\"day-2027-01-11\" title=\"成人の日\"", page);

        var added = await client.PostFormAsync("/admin/calendar", new()
        {
            ["year"] = "2027",
            ["Input.Date"] = "2027-01-08",
            ["Input.Kind"] = "Closed",
            ["Input.Name"] = "大雪による閉庁",
        }, formPage: "/admin/calendar?year=2027", handler: "Add");
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("大雪による閉庁", html);
        Assert.Contains("data-testid=\"day-2027-01-08\" title=\"大雪による閉庁\"", html);

        var due = await _host.RunVerbAsync("calendar", "due", "--from", "2026-12-25");
        Assert.Equal("2027-01-22", due.Output.Trim());
    }

    [Fact]
    public async Task A_duplicate_or_empty_exception_is_refused_and_nothing_changes()
    {
        using var client = await _host.SignedInStaffAsync();
        var empty = await client.PostFormAsync("/admin/calendar", new() { ["year"] = "2027", ["Input.Date"] = "", ["Input.Kind"] = "Closed", ["Input.Name"] = "" },
            formPage: "/admin/calendar?year=2027", handler: "Add");
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("日付を入力してください。", html);
        Assert.Contains("名称を入力してください。", html);

        var bad = await client.PostFormAsync("/admin/calendar", new() { ["year"] = "2027", ["Input.Date"] = "2027-02-30", ["Input.Kind"] = "Closed", ["Input.Name"] = "x" },
            formPage: "/admin/calendar?year=2027", handler: "Add");
        Assert.Contains("日付は YYYY-MM-DD の形で入力してください。", await bad.Content.ReadAsStringAsync());
        Assert.Equal("2027-01-21", (await _host.RunVerbAsync("calendar", "due", "--from", "2026-12-25")).Output.Trim());
    }

    [Fact]
    public async Task Staff_without_the_permission_see_the_calendar_but_cannot_change_it()
    {
        await _host.RunVerbAsync("users", "add", "--login", "clerk02", "--name", "新宿 二郎", "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        using var client = await _host.SignedInStaffAsync("clerk02", "clerk-password-2026");
        var page = await client.GetStringAsync("/admin/calendar?year=2026");
        Assert.Contains("業務日カレンダー", page);
        Assert.DoesNotContain("data-testid=\"exception-form\"", page);

        var token = PortalClient.AntiforgeryToken(page)!;
        var response = await client.Http.PostAsync("/admin/calendar?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Date"] = "2026-12-01", ["Input.Kind"] = "Closed", ["Input.Name"] = "x",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
