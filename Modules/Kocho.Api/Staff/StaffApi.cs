using System.Globalization;
using System.Text.Json;
using Kocho.Api.Access;
using Kocho.Api.Keys;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Sites;
using Kocho.Faq.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Api.Staff;

/// <summary>
/// 職員用REST API <c>/api/v1/…</c>, on the staff listener only: register a case, read its status and 処理履歴, list cases
/// by filter, search the FAQ with internal entries. Everything goes through the Opinions and FAQ services with the
/// key as the actor, so rights and department isolation are theirs; a case outside the key's department is 404.
/// </summary>
public static class StaffApi
{
    public const string Prefix = "/api/v1";
    public const string Tag = "職員用API";
    public const int MaxPageSize = 200;

    public sealed record CaseCreated(Guid Id, string ReceiptNumber, CaseStatus Status);
    public sealed record DepartmentRef(string Code, string Name);
    public sealed record ForwardingItem(DepartmentRef? Department, string Role, string Status, DateOnly DueOn);
    public sealed record ContactDetails(string? Name, string? PostalCode, string? Address, string? Phone, string? Fax, string? Email);
    public sealed record CaseDetail(
        Guid Id, string ReceiptNumber, DateOnly ReceivedOn, CaseKind Kind, Channel Channel, string Subject, CaseStatus Status, string StatusLabel,
        DepartmentRef? LeadDepartment, DateOnly? AnswerDue, DateTime? AnsweredAt, DateTime? ClosedAt, IReadOnlyList<ForwardingItem> Forwardings,
        string? Body, ContactDetails? Contact);
    public sealed record HistoryItem(Guid Id, DateTime At, HistoryAction Action, string ActionLabel, string ActorName, DepartmentRef? Department, string? Note, Guid? CorrectsId);
    public sealed record CaseHistory(Guid CaseId, string ReceiptNumber, IReadOnlyList<HistoryItem> Items);
    public sealed record CaseListItem(Guid Id, string ReceiptNumber, DateOnly ReceivedOn, Channel Channel, CaseKind Kind, string Subject, CaseStatus Status, string StatusLabel, DepartmentRef? LeadDepartment, DateOnly? DueOn);
    public sealed record CaseList(int Total, int Page, int PageSize, IReadOnlyList<CaseListItem> Items);
    public sealed record FaqItem(int Id, string Question, string AnswerSnippetHtml, string Visibility, float Score);
    public sealed record FaqResults(int Total, int Page, int Size, IReadOnlyList<FaqItem> Items);

    /// <summary>Channels an integration may register through (the web form and Open311 have their own doors).</summary>
    public static readonly Channel[] IntakeChannels = [Channel.Letter, Channel.MayorPostcard, Channel.Email, Channel.CallCenter, Channel.Phone, Channel.Fax, Channel.Visit];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithMetadata(SiteEndpointMetadata.Staff).WithTags(Tag).WithGroupName(OpenApi.ApiDocument.Name);
        api.MapPost("/cases", CreateAsync).RequireScope(ApiScopes.CasesWrite)
            .WithName("createCase").WithSummary("意見等を登録する")
            .WithDescription("受付媒体・種別・件名・内容・差出人を受け取り、受付番号を返します。所属の制限があるキーは、その所属あての問合せとしてだけ登録できます。")
            .WithMetadata(new OpenApi.RequestBodyMetadata("application/json", typeof(CaseCreateRequest)))
            .Produces<CaseCreated>(StatusCodes.Status201Created).ProducesErrors(400, 401, 403, 413, 415, 429);
        api.MapGet("/cases", ListAsync).RequireScope(ApiScopes.CasesRead)
            .WithName("listCases").WithSummary("意見等の一覧（絞り込み・ページ）")
            .WithDescription("status, channel, kind, department（所属コード）, receiptNumber, from, to（受付日 YYYY-MM-DD）, open=true, page, pageSize（最大200）で絞り込みます。個人情報は含みません。")
            .Produces<CaseList>().ProducesErrors(400, 401, 403, 429);
        api.MapGet("/cases/{id}", CaseAsync).RequireScope(ApiScopes.CasesRead)
            .WithName("getCase").WithSummary("意見等の進捗を読む")
            .WithDescription("id は意見等のIDまたは受付番号。include=personal（cases:personal が必要）で本文と差出人を含めます。この読み取りは監査記録に残ります。")
            .Produces<CaseDetail>().ProducesErrors(400, 401, 403, 404, 429);
        api.MapGet("/cases/{id}/history", HistoryAsync).RequireScope(ApiScopes.CasesRead)
            .WithName("getCaseHistory").WithSummary("意見等の処理履歴を読む")
            .WithDescription("処理履歴を古い順に返します。記録の内容（note）は include=personal（cases:personal が必要）のときだけ含めます。")
            .Produces<CaseHistory>().ProducesErrors(400, 401, 403, 404, 429);
        api.MapGet("/faq/search", FaqAsync).RequireScope(ApiScopes.FaqRead)
            .WithName("searchFaq").WithSummary("FAQを検索する（内部FAQを含む）")
            .WithDescription("q（200文字以内）, page, size（最大50）。公開中の公開FAQと内部FAQを返します。")
            .Produces<FaqResults>().ProducesErrors(400, 401, 403, 429);
    }

    /// <summary>Admits the call through <see cref="ApiGate"/> with <paramref name="scope"/>, then audits its outcome.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder builder, string scope) =>
        builder.WithMetadata(new ApiScopeMetadata(scope)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var gate = http.RequestServices.GetRequiredService<ApiGate>();
            var (caller, failure) = await gate.AdmitAsync(http, ApiGate.HeaderKey(http.Request), scope);
            if (failure is not null) return ApiError.From(http, failure);
            var result = await next(context);
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            await gate.RecordCallAsync(http, caller!, status);
            return result;
        });

    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.Produces<ApiError>(status, "application/json");
        return builder;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IntakeService intake, DepartmentDirectory departments, CoreDbContext core, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiError("unsupported_media_type", "本文は JSON（Content-Type: application/json）で送ってください。").ToResult(StatusCodes.Status415UnsupportedMediaType);
        }
        var bytes = await ApiBody.ReadAsync(http.Request, cancellationToken);
        if (bytes is null) return new ApiError("too_large", $"本文が大きすぎます（{ApiBody.MaxBytes / 1024}KBまで）。").ToResult(StatusCodes.Status413PayloadTooLarge);
        CaseCreateRequest? input;
        try
        {
            input = JsonSerializer.Deserialize<CaseCreateRequest>(bytes, ApiJson.Options);
        }
        catch (JsonException ex)
        {
            return new ApiError("invalid_json", "JSONの形式が正しくありません" + (ex.Path is { Length: > 1 } path ? $"（{path}）" : "") + "。").ToResult(StatusCodes.Status400BadRequest);
        }
        if (input is null) return new ApiError("invalid_json", "JSONの形式が正しくありません。").ToResult(StatusCodes.Status400BadRequest);
        if (ApiJson.FieldWithNul(bytes) is { } nulField)
        {
            return ApiError.Invalid(new Dictionary<string, string> { [nulField] = "使用できない文字（NUL、\\u0000）が含まれています。その文字を除いて送ってください。" });
        }

        var caller = ApiCaller.Of(http);
        var errors = new Dictionary<string, string>();
        if (input.Channel is not { } channel || !IntakeChannels.Contains(channel))
        {
            errors["Channel"] = "受付媒体（channel）は " + string.Join(", ", IntakeChannels) + " のいずれかを指定してください。";
        }
        Guid? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.DepartmentCode))
        {
            departmentId = (await departments.FindByCodeAsync(input.DepartmentCode.Trim(), cancellationToken))?.Id;
            if (departmentId is null) errors["DepartmentCode"] = "所属コードが見つかりません。";
        }
        if (caller.Key.DepartmentId is { } own)
        {
            // A department's key registers only its own department's inquiries: the case lands there, forwarded.
            departmentId ??= own;
            if (departmentId != own) errors["DepartmentCode"] = "このAPIキーは、キーの所属あての意見等だけを登録できます。";
            input.ToMayor = false;
        }
        var categoryIds = new List<Guid>();
        if (input.CategoryCodes.Count > 0)
        {
            var codes = input.CategoryCodes.Select(c => c.Trim()).Distinct().ToList();
            var found = await core.Categories.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
            if (found.Count != codes.Count) errors["CategoryCodes"] = "分類コードが見つかりません: " + string.Join(", ", codes.Except(found.Select(f => f.Code)));
            categoryIds = found.Select(f => f.Id).ToList();
        }
        if (errors.Count > 0) return ApiError.Invalid(errors);

        var request = new IntakeRequest
        {
            Kind = input.Kind, Channel = input.Channel!.Value, ReceivedOn = input.ReceivedOn, Subject = input.Subject, Body = input.Body,
            ToMayor = input.ToMayor, DepartmentId = departmentId, CategoryIds = categoryIds, Sender = input.Sender,
            Name = input.Name, PostalCode = input.PostalCode, Address = input.Address, Phone = input.Phone, Fax = input.Fax, Email = input.Email,
            WantsAnswer = input.WantsAnswer, AnswerMethod = input.AnswerMethod, ForwardComment = input.ForwardComment,
        };
        if (input.Sender == SenderKind.Resident) return ApiError.Invalid(new Dictionary<string, string> { ["Sender"] = "差出人（sender）は Contact または Anonymous を指定してください。" });
        IntakeResult result;
        try
        {
            result = await intake.RegisterAsync(caller.CaseActor(), request, cancellationToken);
        }
        catch (OpinionException ex)
        {
            return new ApiError("forbidden", ex.Message).ToResult(StatusCodes.Status403Forbidden);
        }
        if (!result.Succeeded) return ApiError.Invalid(result.Errors);
        return Results.Json(new CaseCreated(result.CaseId, result.ReceiptNumber!, CaseStatus.Received), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> CaseAsync(string id, string? include, HttpContext http, CaseQueries queries, DepartmentDirectory departments, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http);
        var actor = caller.CaseActor();
        if (PersonalRequested(include, caller) is { } refused) return refused;
        var caseId = await ResolveAsync(queries, actor, id, cancellationToken);
        var opinionCase = caseId is null ? null : await queries.FindAsync(actor, caseId.Value, cancellationToken);
        if (opinionCase is null) return ApiError.NotFound();
        var names = await DepartmentsAsync(departments, cancellationToken);
        string? body = null;
        ContactDetails? contact = null;
        if (include == "personal")
        {
            body = opinionCase.Body;
            if (await queries.ContactAsync(actor, opinionCase.Id, cancellationToken) is { } c) contact = new ContactDetails(c.Name, c.PostalCode, c.Address, c.Phone, c.Fax, c.Email);
            await audit.RecordAsync(new AuditEntry("api.case.personal.read", "OpinionCase", opinionCase.Id.ToString(), opinionCase.ReceiptNumber), cancellationToken);
        }
        return Results.Json(new CaseDetail(opinionCase.Id, opinionCase.ReceiptNumber, opinionCase.ReceivedOn, opinionCase.Kind, opinionCase.Channel, opinionCase.Subject,
            opinionCase.Status, OpinionLabels.Of(opinionCase.Status), Ref(names, opinionCase.LeadDepartmentId), opinionCase.AnswerDue, opinionCase.AnsweredAt, opinionCase.ClosedAt,
            opinionCase.Forwardings.OrderBy(f => f.ForwardedAt).Select(f => new ForwardingItem(Ref(names, f.DepartmentId), OpinionLabels.Of(f.Role), OpinionLabels.Of(f.Status), f.DueOn)).ToList(),
            body, contact), ApiJson.Options);
    }

    private static async Task<IResult> HistoryAsync(string id, string? include, HttpContext http, CaseQueries queries, HistoryService history, DepartmentDirectory departments, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(http);
        var actor = caller.CaseActor();
        if (PersonalRequested(include, caller) is { } refused) return refused;
        var caseId = await ResolveAsync(queries, actor, id, cancellationToken);
        var opinionCase = caseId is null ? null : await queries.FindAsync(actor, caseId.Value, cancellationToken);
        if (opinionCase is null) return ApiError.NotFound();
        var entries = await history.ForCaseAsync(actor, opinionCase.Id, cancellationToken);
        var names = await DepartmentsAsync(departments, cancellationToken);
        var withNotes = include == "personal";
        if (withNotes) await audit.RecordAsync(new AuditEntry("api.history.personal.read", "OpinionCase", opinionCase.Id.ToString(), opinionCase.ReceiptNumber), cancellationToken);
        return Results.Json(new CaseHistory(opinionCase.Id, opinionCase.ReceiptNumber, entries.Select(h => new HistoryItem(h.Id, h.At, h.Action, OpinionLabels.Of(h.Action), h.ActorName,
            Ref(names, h.DepartmentId), withNotes ? h.Note : null, h.CorrectsId)).ToList()), ApiJson.Options);
    }

    private static async Task<IResult> ListAsync(string? status, string? channel, string? kind, string? department, string? receiptNumber, string? from, string? to,
        string? open, string? page, string? pageSize, HttpContext http, CaseQueries queries, DepartmentDirectory departments, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var statusFilter = Enum<CaseStatus>(status, "status", errors);
        var channelFilter = Enum<Channel>(channel, "channel", errors);
        var kindFilter = Enum<CaseKind>(kind, "kind", errors);
        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors);
        var pageNumber = Int(page, "page", 1, 100_000, 1, errors);
        var size = Int(pageSize, "pageSize", 1, MaxPageSize, 50, errors);
        Guid? departmentId = null;
        if (department is { Length: > 0 } code)
        {
            departmentId = (await departments.FindByCodeAsync(code, cancellationToken))?.Id;
            if (departmentId is null) errors["department"] = "所属コードが見つかりません。";
        }
        var openOnly = open switch { null or "" or "false" => false, "true" => true, _ => Flag(errors) };
        if (errors.Count > 0) return ApiError.Invalid(errors);
        var actor = ApiCaller.Of(http).CaseActor();
        var result = await queries.ListAsync(actor, new CaseListQuery(openOnly ? CaseListTab.Open : CaseListTab.Mine, statusFilter, channelFilter, kindFilter, departmentId,
            receiptNumber is { Length: > 0 } r ? r.Trim() : null, fromDate, toDate, pageNumber, size), cancellationToken);
        var names = await DepartmentsAsync(departments, cancellationToken);
        return Results.Json(new CaseList(result.Total, result.Page, result.PageSize, result.Rows.Select(row => new CaseListItem(row.Id, row.ReceiptNumber, row.ReceivedOn, row.Channel, row.Kind,
            row.Subject, row.Status, OpinionLabels.Of(row.Status), Ref(names, row.LeadDepartmentId), row.DueOn)).ToList()), ApiJson.Options);
    }

    private static async Task<IResult> FaqAsync(string? q, string? page, string? size, FaqSearch search, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var text = (q ?? "").Trim();
        if (text.Length == 0) errors["q"] = "検索する言葉（q）を指定してください。";
        else if (text.Length > 200) errors["q"] = "検索する言葉（q）は200文字以内で指定してください。";
        var pageNumber = Int(page, "page", 1, 1000, 1, errors);
        var take = Int(size, "size", 1, 50, 10, errors);
        if (errors.Count > 0) return ApiError.Invalid(errors);
        var (total, hits) = await search.StaffAsync(text, (pageNumber - 1) * take, take, cancellationToken);
        return Results.Json(new FaqResults(total, pageNumber, take, hits.Select(h => new FaqItem(h.Number, h.Version.Question, h.SearchHit.SnippetHtml, h.Version.Visibility.ToString(), h.SearchHit.Score)).ToList()), ApiJson.Options);
    }

    private static IResult? PersonalRequested(string? include, ApiCaller caller) => include switch
    {
        null or "" => null,
        "personal" when caller.Has(ApiScopes.CasesPersonal) => null,
        "personal" => new ApiError("insufficient_scope", $"個人情報を読むには「{ApiScopes.CasesPersonal}」の権限が必要です。").ToResult(StatusCodes.Status403Forbidden),
        _ => ApiError.Bad("include に指定できるのは personal だけです。"),
    };

    /// <summary>A case id, or a 受付番号 found among the cases the key may see.</summary>
    private static async Task<Guid?> ResolveAsync(CaseQueries queries, CaseActor actor, string id, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var caseId)) return caseId;
        var receipt = id.Trim();
        if (receipt.Length is 0 or > 20) return null;
        var page = await queries.ListAsync(actor, new CaseListQuery(ReceiptNumber: receipt, PageSize: 10), cancellationToken);
        return page.Rows.FirstOrDefault(r => r.ReceiptNumber == receipt)?.Id;
    }

    private static async Task<IReadOnlyDictionary<Guid, Department>> DepartmentsAsync(DepartmentDirectory departments, CancellationToken cancellationToken) =>
        (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id);

    private static DepartmentRef? Ref(IReadOnlyDictionary<Guid, Department> names, Guid? id) =>
        id is { } d && names.TryGetValue(d, out var department) ? new DepartmentRef(department.Code, department.Name) : null;

    private static T? Enum<T>(string? value, string field, Dictionary<string, string> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        errors[field] = $"{field} は " + string.Join(", ", System.Enum.GetNames<T>()) + " のいずれかを指定してください。";
        return null;
    }

    private static DateOnly? Date(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = $"{field} は YYYY-MM-DD の形式で指定してください。";
        return null;
    }

    private static int Int(string? value, string field, int min, int max, int fallback, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[field] = $"{field} は{min}から{max}までの整数で指定してください。";
        return fallback;
    }

    private static bool Flag(Dictionary<string, string> errors)
    {
        errors["open"] = "open は true または false を指定してください。";
        return false;
    }
}
