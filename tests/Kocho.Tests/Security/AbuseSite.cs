using System.Net;
using System.Text.RegularExpressions;
using Kocho.Core.Mail;
using Kocho.Faq.Data;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>The demo site for the abuse tests, with every rate limit set by the test class (each policy counts on its own).</summary>
public abstract partial class AbuseSite(params string[] args) : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync("demo", args);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>What a refused request must not have added to: cases, FAQ feedback and zero-hit searches (mails: <see cref="MailsToAsync"/>).</summary>
    public Task<(int Cases, int Feedback, int ZeroHits)> StoredAsync() => InScopeAsync(async sp =>
        (await sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(),
         await sp.GetRequiredService<FaqDbContext>().Feedback.CountAsync(),
         await sp.GetRequiredService<FaqDbContext>().ZeroHitQueries.CountAsync()));

    /// <summary>Mails in the outbox to one address (the column is encrypted: compared after reading).</summary>
    public Task<int> MailsToAsync(string address) => InScopeAsync(async sp =>
        (await sp.GetRequiredService<MailDbContext>().Outbox.AsNoTracking().Select(m => m.To).ToListAsync()).Count(t => t == address));

    public Task<int> CasesAsync(string subject) =>
        InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Subject == subject));

    public Task<int> Open311CasesAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Channel == Channel.Open311));

    [GeneratedRegex("name=\"Input.FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormTokenPattern();

    /// <summary>The public opinion form's own fields (a guest who wants an answer by web).</summary>
    public static List<(string Name, string Value)> OpinionForm(string formToken, string subject, string body = "公園のベンチが壊れています。修理をお願いします。") =>
    [
        ("Input.FormToken", formToken), ("Input.Route", "mayor"), ("Input.Kind", "Request"), ("Input.Subject", subject), ("Input.Body", body),
        ("Input.WantsAnswer", "true"), ("Input.AnswerMethod", "Web"), ("Input.Name", "新宿 花子"), ("Input.Email", "hanako.abuse@example.jp"),
        ("Input.PostalCode", ""), ("Input.Address", ""), ("Input.Phone", ""), ("Input.Website", ""),
    ];

    /// <summary>Opens the public form: its antiforgery token and its one-time form token.</summary>
    public static async Task<(string Antiforgery, string FormToken)> OpenOpinionFormAsync(PortalClient client)
    {
        var page = await client.GetStringAsync("/opinions/new");
        return (PortalClient.AntiforgeryToken(page)!, FormTokenPattern().Match(page).Groups[1].Value);
    }

    /// <summary>A refusal page: the status, a Japanese page (not a stack trace) with the sentence, as HTML.</summary>
    public static async Task AssertRefusalPageAsync(HttpResponseMessage response, HttpStatusCode status, string sentence)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains($"data-testid=\"refusal-message\">{sentence}<", html);
    }
}
