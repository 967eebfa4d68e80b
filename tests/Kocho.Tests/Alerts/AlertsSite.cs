using Kocho.Alerts.Data;
using Kocho.Alerts.Inbox;
using Kocho.Alerts.Rules;
using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Core.Staff;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>
/// The Shinjuku site with a few staff members (広聴担当課, コールセンター, 戸籍住民課, ごみ減量リサイクル課), its mail going to a
/// loopback SMTP server, and no morning jobs of its own: the tests run the scans and the digest for the dates they choose.
/// </summary>
public sealed class AlertsSite : IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "kocho-tests", "alert-recipes-" + Guid.NewGuid().ToString("N"));

    public PortalHost Host { get; private set; } = null!;
    public LoopbackSmtpServer Smtp { get; } = new();

    public static readonly (string Login, string Name, string Department, string Role)[] Staff =
    [
        ("kocho.yamaguchi", "山口 美咲", "0103", "PublicHearing"),
        ("cc.onodera", "小野寺 由紀", "010302", "CallCenter"),
        ("koseki.nakamura", "中村 彩", "0502", "DepartmentStaff"),
        ("koseki.fujita", "藤田 正和", "0502", "Approver"),
        ("gomi.hayashi", "林 大輔", "1102", "DepartmentStaff"),
    ];

    public static string Mail(string login) => login + "@example.jp";

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await WriteRecipeAsync(_recipes);
        Host = await PortalHost.StartAsync("alerts-test", [.. Smtp.PortalArgs, $"--Kocho:Recipes:Path={_recipes}", "--Kocho:Alerts:Schedule=false"]);
    }

    /// <summary>Writes <c>alerts-test.recipe.json</c> (the Shinjuku setup and <see cref="Staff"/>) into <paramref name="folder"/>.</summary>
    public static async Task WriteRecipeAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var users = string.Join(",\n", Staff.Select(s =>
            $$"""{ "login": "{{s.Login}}", "name": "{{s.Name}}", "department": "{{s.Department}}", "roles": ["{{s.Role}}"], "email": "{{Mail(s.Login)}}", "password": "${DemoPassword}" }"""));
        await File.WriteAllTextAsync(Path.Combine(folder, "alerts-test.recipe.json"), $$"""
            {
              "name": "alerts-test",
              "displayName": "アラートのテスト",
              "steps": [
                { "name": "recipe", "run": "shinjuku" },
                { "name": "users", "users": [ {{users}} ] }
              ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        try { Directory.Delete(_recipes, recursive: true); } catch (IOException) { }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });

    public Task<Guid> DepartmentAsync(string code) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code))!.Id);

    public Task<string> UserIdAsync(string login) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<IStaffDirectory>().ByLoginAsync([login])).Single().UserId);

    /// <summary>A staff member as the opinion services see them: their real account, with their role's default rights.</summary>
    public async Task<CaseActor> ActorAsync(string login)
    {
        var person = Staff.Single(s => s.Login == login);
        var permissions = new Kocho.Opinions.Permissions().GetDefaultRoles().Single(r => r.Role == person.Role).Permissions.Select(p => p.Name).ToHashSet();
        return new CaseActor(Guid.Parse(await UserIdAsync(login)), person.Name, await DepartmentAsync(person.Department), permissions);
    }

    /// <summary>The alerts <paramref name="login"/> has about <paramref name="itemId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(string login, Guid itemId, AlertKind? kind = null)
    {
        var userId = await UserIdAsync(login);
        return await InScopeAsync(async sp =>
        {
            var alerts = sp.GetRequiredService<AlertsDbContext>().Alerts.AsNoTracking().Where(a => a.RecipientUserId == userId && a.ItemId == itemId);
            if (kind is { } k) alerts = alerts.Where(a => a.Kind == k);
            return (IReadOnlyList<Alert>)(await alerts.ToListAsync()).OrderBy(a => a.CreatedAt).ToList();
        });
    }

    /// <summary>Waits for a mail to <paramref name="login"/> whose subject contains every one of <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> MailAsync(string login, params string[] subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mail = Smtp.ReceivedBy(Mail(login)).FirstOrDefault(m => subject.All(s => (m.Subject ?? "").Contains(s, StringComparison.Ordinal)));
            if (mail is not null) return mail;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail 「{string.Join(" ", subject)}」 to {login}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="login"/> have a subject containing <paramref name="subject"/> and <paramref name="reference"/>.</summary>
    public async Task<int> MailCountAsync(string login, int count, string subject, string reference)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var n = Smtp.ReceivedBy(Mail(login)).Count(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal) && (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
            if (n >= count || DateTime.UtcNow > deadline) return n;
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<MimeMessage> MailsTo(string login, string contains) =>
        Smtp.ReceivedBy(Mail(login)).Where(m => (m.Subject ?? "").Contains(contains, StringComparison.Ordinal) || (m.TextBody ?? "").Contains(contains, StringComparison.Ordinal)).ToList();

    public Task<DateOnly> TodayAsync() => InScopeAsync(sp => Task.FromResult(JapanTime.Today(sp.GetRequiredService<TimeProvider>())));

    public Task<BusinessCalendar> CalendarAsync() => InScopeAsync(sp => sp.GetRequiredService<BusinessCalendarService>().LoadAsync());

    /// <summary>A letter with a resident's contact details, registered by the public-hearing section.</summary>
    public async Task<IntakeResult> ReceiveAsync(string subject, DateOnly? receivedOn = null)
    {
        var section = await ActorAsync("kocho.yamaguchi");
        var result = await InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Request, Subject = subject, ReceivedOn = receivedOn,
            Body = "家の前の道路に穴があいています。新宿 一郎（03-1111-2222）", Sender = SenderKind.Contact,
            Name = "新宿 一郎", Address = "新宿区歌舞伎町1-4-1", Phone = "03-1111-2222", Email = "ichiro.shinjuku@example.com",
            WantsAnswer = true, AnswerMethod = AnswerMethod.Email,
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result;
    }
}

[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsSite>
{
    public const string Name = "Alerts site";
}
