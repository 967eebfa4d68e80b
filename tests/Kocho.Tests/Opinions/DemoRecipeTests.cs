using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>A new demo site (<c>--Kocho:Setup:Recipe=demo</c>) has the 300 demo cases, each where its line says it is in its life.</summary>
[Collection(DemoSiteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DemoRecipeTests(DemoSiteFixture site)
{
    [Fact]
    public async Task The_demo_site_has_300_cases_of_every_channel_kind_and_status_with_overdue_and_anonymous_ones()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpinionsDbContext>();
        var departments = (await scope.ServiceProvider.GetRequiredService<DepartmentDirectory>().AllAsync()).ToDictionary(d => d.Id, d => d.Code);
        var calendar = await scope.ServiceProvider.GetRequiredService<BusinessCalendarService>().LoadAsync();
        var today = JapanTime.Today(TimeProvider.System);
        var lines = site.Data.Cases.ToDictionary(c => c.Subject);

        var cases = await db.Cases.AsNoTracking().Include(c => c.Forwardings).Where(c => lines.Keys.Contains(c.Subject)).ToListAsync();

        Assert.Equal(300, cases.Count);
        Assert.Equal(Enum.GetValues<Channel>().Length, cases.Select(c => c.Channel).Distinct().Count());
        Assert.Equal(Enum.GetValues<CaseKind>().Length, cases.Select(c => c.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<CaseStatus>().Length, cases.Select(c => c.Status).Distinct().Count());
        foreach (var c in cases)
        {
            var line = lines[c.Subject];
            Assert.Equal(line.Status, OpinionLabels.Of(c.Status));
            Assert.Equal(line.Channel, OpinionLabels.Of(c.Channel));
            Assert.Equal(line.Who is null, c.Sender == SenderKind.Anonymous);
            Assert.Equal(line.Ago, calendar.BusinessDaysBetween(c.ReceivedOn, today));
            if (c.Status != CaseStatus.Received) Assert.Equal(line.Lead, departments[c.LeadDepartmentId!.Value]);
            Assert.Equal((line.Related ?? []).Order(), c.Forwardings.Where(f => f.IsActive && f.DepartmentId != c.LeadDepartmentId).Select(f => departments[f.DepartmentId]).Order());
        }
        var open = cases.Where(c => c.Status is CaseStatus.Forwarded or CaseStatus.InProgress or CaseStatus.Drafted or CaseStatus.AwaitingApproval).ToList();
        Assert.InRange(open.Count(c => c.AnswerDue < today), 10, 60);
        Assert.Contains(open, c => c.AnswerDue >= today && calendar.BusinessDaysBetween(today, c.AnswerDue!.Value) <= 3);
        Assert.InRange(cases.Count(c => c.Sender == SenderKind.Anonymous) / 300.0, 0.12, 0.2);
        Assert.True(cases.Min(c => c.ReceivedOn) <= today.AddMonths(-16), "some cases are well over a year old");
    }

    [Fact]
    public async Task Each_case_has_the_history_and_answer_of_its_life_dated_from_its_receipt()
    {
        await using var scope = site.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpinionsDbContext>();
        var lines = site.Data.Cases.ToDictionary(c => c.Subject);
        var cases = await db.Cases.AsNoTracking().Where(c => lines.Keys.Contains(c.Subject)).ToListAsync();
        var ids = cases.Select(c => c.Id).ToList();
        var history = (await db.History.AsNoTracking().Where(h => ids.Contains(h.CaseId)).ToListAsync()).ToLookup(h => h.CaseId);
        var answers = (await db.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync()).ToDictionary(a => a.CaseId);

        foreach (var c in cases)
        {
            var entries = history[c.Id].OrderBy(h => h.At).ToList();
            Assert.Equal(HistoryAction.Received, entries[0].Action);
            Assert.Equal(c.ReceivedOn, DateOnly.FromDateTime(JapanTime.ToJst(entries[0].At)));
            Assert.All(entries, e => Assert.True(DateOnly.FromDateTime(JapanTime.ToJst(e.At)) >= c.ReceivedOn));
            var actions = entries.Select(e => e.Action).ToHashSet();
            Assert.Equal(c.Status != CaseStatus.Received, actions.Contains(HistoryAction.Forwarded));
            var line = lines[c.Subject];
            switch (c.Status)
            {
                case CaseStatus.Drafted or CaseStatus.AwaitingApproval:
                    Assert.Equal(line.Answer, answers[c.Id].Text);
                    break;
                case CaseStatus.Answered or CaseStatus.Completed:
                    Assert.Equal(AnswerStatus.Sent, answers[c.Id].Status);
                    Assert.Equal(line.Answer, answers[c.Id].Text);
                    Assert.Contains(HistoryAction.AnswerApproved, actions);
                    Assert.True(c.AnsweredAt > JapanTime.StartOfDayUtc(c.ReceivedOn));
                    break;
                case CaseStatus.NoAnswerNeeded:
                    Assert.Contains(HistoryAction.ClosedWithoutAnswer, actions);
                    Assert.False(answers.ContainsKey(c.Id));
                    break;
            }
        }
    }
}
