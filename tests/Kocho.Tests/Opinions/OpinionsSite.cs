using Kocho.Core.Departments;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>One demo site (staff of every role and department) shared by the opinion tests of a class.</summary>
public sealed class OpinionsSite : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;
    public MailPickup Mail { get; private set; } = null!;

    /// <summary>Settings added to the host's command line (e.g. a higher sign-in limit for a class that signs in often).</summary>
    public string[] ExtraArgs { get; init; } = [];

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartCopyAsync("demo-staff", ExtraArgs);
        Mail = new MailPickup(Host.DataPath);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> with the services of one request scope.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });

    public Task<Guid> DepartmentAsync(string code) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync(code))!.Id);

    /// <summary>A staff member holding exactly the default permissions of <paramref name="role"/>, in department <paramref name="code"/>.</summary>
    public async Task<CaseActor> ActorAsync(string role, string code, string name = "職員")
    {
        var permissions = new Kocho.Opinions.Permissions().GetDefaultRoles().Single(r => r.Role == role).Permissions.Select(p => p.Name).ToHashSet();
        return new CaseActor(Guid.NewGuid(), name, await DepartmentAsync(code), permissions);
    }

    public Task<CaseActor> SectionAsync() => ActorAsync(StandardRoles.PublicHearing, "0103", "広聴 太郎");

    public static IntakeRequest GuestWebCase(string subject = "区役所の駐輪場について", string email = "guest@example.jp") => new()
    {
        Kind = CaseKind.Request,
        Subject = subject,
        Body = "区役所本庁舎の駐輪場が朝はいつも満車です。台数を増やしてください。",
        Sender = SenderKind.Contact,
        Name = "新宿 一郎",
        Email = email,
        WantsAnswer = true,
        AnswerMethod = AnswerMethod.Web,
        FormToken = Guid.NewGuid().ToString("N"),
    };
}
