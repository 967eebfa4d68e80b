using System.Globalization;
using System.Text;
using Kocho.Api.Access;
using Kocho.Api.Keys;
using Kocho.Core.Categories;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Web.RateLimiting;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kocho.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 on the public listener: discovery, services (our 中分類), service definitions, POST requests
/// (a case with channel Open311; service_request_id = 受付番号; API key required) and GET requests (open/closed and the
/// public status only: never the text or the sender). Errors are the specification's list of {code, description}.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311";
    public const string Base = Root + "/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Changeset = "2026-12-01T00:00:00+09:00";
    public const string Tag = "Open311 GeoReport v2";
    public const int MaxRequests = 100;
    public const string KindAttribute = "kind";

    /// <summary>The form fields of POST requests, as the specification names them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description, bool Required)> PostFields =
    [
        ("api_key", "APIキー（open311:write）。Authorization ヘッダーでも可", false),
        ("jurisdiction_id", "省略可。指定するなら設定した値", false),
        ("service_code", "GET services の service_code", true),
        ("description", "内容", true),
        ("lat", "緯度（long と組で。address_string か address_id でも可）", false),
        ("long", "経度", false),
        ("address_string", "場所の説明", false),
        ("address_id", "場所のID", false),
        ("first_name", "名", false),
        ("last_name", "姓", false),
        ("email", "メールアドレス", false),
        ("phone", "電話番号", false),
        ("media_url", "写真のURL", false),
        ("attribute[kind]", "種別: Opinion, Request, Inquiry, Complaint, Proposal（省略時 Request）", false),
    ];

    private static readonly CaseStatus[] Closed = [CaseStatus.Answered, CaseStatus.Completed, CaseStatus.NoAnswerNeeded];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Root).WithTags(Tag).WithGroupName(OpenApi.ApiDocument.Name)
            .WithMetadata(new RateLimitedAttribute(RateLimitPolicies.Open311) { Reads = true }, new Open311Refusal());
        api.MapGet("/discovery.{format}", Discovery).WithName("open311Discovery").WithSummary("Open311 サービスディスカバリ")
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 429);
        api.MapGet("/v2/services.{format}", ServicesAsync).WithName("open311Services").WithSummary("GET services: 受け付ける分類（中分類）の一覧")
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 404, 429);
        api.MapGet("/v2/services/{service_code}.{format}", DefinitionAsync).WithName("open311ServiceDefinition").WithSummary("GET service definition: 分類の入力項目（種別）")
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 404, 429);
        api.MapPost("/v2/requests.{format}", CreateAsync).WithName("open311CreateRequest").WithSummary("POST requests: 要望を送る（APIキー、open311:write）")
            .WithDescription("application/x-www-form-urlencoded: api_key, service_code, description, lat と long または address_string, 任意で first_name, last_name, email, phone, media_url, attribute[kind]。返す service_request_id は受付番号です。")
            .WithMetadata(new OpenApi.RequestBodyMetadata("application/x-www-form-urlencoded", FormFields: PostFields))
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 403, 404, 413, 429);
        api.MapGet("/v2/requests.{format}", RequestsAsync).WithName("open311Requests").WithSummary("GET requests: Open311 で受けた要望の状況")
            .WithDescription("service_request_id（カンマ区切り）, service_code, start_date, end_date（ISO 8601）, status（open/closed）。既定は直近90日、最大100件。")
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 404, 429);
        api.MapGet("/v2/requests/{service_request_id}.{format}", RequestAsync).WithName("open311Request").WithSummary("GET request: 1件の要望の状況")
            .Produces(200, contentType: "application/json", additionalContentTypes: "text/xml").ProducesOpen311Errors(400, 404, 429);
    }

    /// <summary>The error responses of an operation, each with the specification's error list as its schema.</summary>
    public static RouteHandlerBuilder ProducesOpen311Errors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.Produces<IReadOnlyList<Open311Error>>(status, "application/json", "text/xml");
        return builder;
    }

    private static IResult? Refuse(string format, string? jurisdiction, Open311Options options)
    {
        if (!Open311Writer.IsFormat(format)) return Open311Writer.Error("json", 400, "format must be json or xml / 形式は .json または .xml で指定してください。");
        if (!string.IsNullOrEmpty(jurisdiction) && jurisdiction != options.JurisdictionId)
            return Open311Writer.Error(format, 404, $"jurisdiction_id not found / jurisdiction_id は {options.JurisdictionId} です。");
        return null;
    }

    private static IResult Discovery(string format, HttpRequest request, IOptions<Open311Options> options)
    {
        if (Refuse(format, null, options.Value) is { } refused) return refused;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Base}";
        var endpoint = new Open311Record().With("specification", Specification).With("url", url).With("changeset", Changeset).With("type", "production")
            .With("formats", new Open311Array("format", ["text/xml", "application/json"]));
        var discovery = new Open311Record().With("changeset", Changeset).With("contact", options.Value.Contact).With("key_service", options.Value.KeyService)
            .With("endpoints", new Open311Array("endpoint", [endpoint]));
        return Open311Writer.Result(format, "discovery", discovery);
    }

    private static async Task<IResult> ServicesAsync(string format, string? jurisdiction_id, CoreDbContext core, IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        if (Refuse(format, jurisdiction_id, options.Value) is { } refused) return refused;
        var (services, parents) = await ServiceCategoriesAsync(core, cancellationToken);
        var items = services.Select(c => (object?)new Open311Record()
            .With("service_code", c.Code).With("service_name", c.Name)
            .With("description", parents.TryGetValue(c.ParentId ?? Guid.Empty, out var p) ? $"{p.Name}／{c.Name}" : c.Name)
            .With("metadata", true).With("type", "realtime").With("keywords", c.NameEn ?? "")
            .With("group", parents.TryGetValue(c.ParentId ?? Guid.Empty, out var g) ? g.Name : c.Name)).ToList();
        return Open311Writer.Result(format, "services", new Open311Array("service", items));
    }

    private static async Task<IResult> DefinitionAsync(string service_code, string format, string? jurisdiction_id, CoreDbContext core, IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        if (Refuse(format, jurisdiction_id, options.Value) is { } refused) return refused;
        var (services, _) = await ServiceCategoriesAsync(core, cancellationToken);
        if (services.All(s => s.Code != service_code)) return Open311Writer.Error(format, 404, "service_code not found / この分類はありません。");
        var values = Enum.GetValues<CaseKind>().Select(k => (object?)new Open311Record().With("key", k.ToString()).With("name", OpinionLabels.Of(k))).ToList();
        var kind = new Open311Record().With("variable", true).With("code", KindAttribute).With("datatype", "singlevaluelist").With("required", false)
            .With("datatype_description", "意見・要望・問合せ・苦情・提案のどれか（省略時は要望）").With("order", 1).With("description", "種別")
            .With("values", new Open311Array("value", values));
        var definition = new Open311Record().With("service_code", service_code).With("attributes", new Open311Array("attribute", [kind]));
        return Open311Writer.Result(format, "service_definition", definition);
    }

    private static async Task<IResult> CreateAsync(string format, HttpContext http, ApiGate gate, IntakeService intake, CoreDbContext core, IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        if (!Open311Writer.IsFormat(format)) return Open311Writer.Error("json", 400, "format must be json or xml / 形式は .json または .xml で指定してください。");
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return Open311Writer.Error(format, 400, "POST requests takes application/x-www-form-urlencoded / 本文はフォーム形式で送ってください。");
        var bytes = await ApiBody.ReadAsync(http.Request, cancellationToken);
        if (bytes is null) return Open311Writer.Error(format, 413, $"request body too large / 本文が大きすぎます（{ApiBody.MaxBytes / 1024}KBまで）。");
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes));
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException)
        {
            return Open311Writer.Error(format, 400, "malformed form body / 本文を読めません。");
        }
        string? Field(string name) => form.TryGetValue(name, out var v) && v.ToString().Trim() is { Length: > 0 } s ? s : null;

        var (caller, failure) = await gate.AdmitAsync(http, Field("api_key") ?? ApiGate.HeaderKey(http.Request), ApiScopes.Open311Write, StatusCodes.Status403Forbidden);
        if (failure is not null) return Open311Writer.Error(format, failure.Status, failure.Message, http, failure.RetryAfterSeconds);
        var result = await CreateAdmittedAsync(format, Field, caller!, intake, core, options.Value, cancellationToken);
        await gate.RecordCallAsync(http, caller!, result.Status, result.Receipt);
        return result.Result;
    }

    private static async Task<(IResult Result, int Status, string? Receipt)> CreateAdmittedAsync(string format, Func<string, string?> field, ApiCaller caller, IntakeService intake,
        CoreDbContext core, Open311Options options, CancellationToken cancellationToken)
    {
        (IResult, int, string?) Fail(int status, string description) => (Open311Writer.Error(format, status, description), status, null);

        if (field("jurisdiction_id") is { } jurisdiction && jurisdiction != options.JurisdictionId) return Fail(404, "jurisdiction_id not found");
        if (field("service_code") is not { } code) return Fail(400, "service_code was not provided / service_code を指定してください。");
        var (services, _) = await ServiceCategoriesAsync(core, cancellationToken);
        var service = services.FirstOrDefault(s => s.Code == code);
        if (service is null) return Fail(400, "service_code not found / この分類はありません（GET services で一覧を確認してください）。");

        double? lat = null, lon = null;
        if (field("lat") is { } latText || field("long") is not null)
        {
            if (!double.TryParse(field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                || !double.TryParse(field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                return Fail(400, "lat and long must both be given as decimal degrees / 緯度（lat）と経度（long）は両方を十進の度で指定してください。");
            lat = la;
            lon = lo;
        }
        var address = field("address_string");
        var addressId = field("address_id");
        if (lat is null && address is null && addressId is null) return Fail(400, "location required: lat and long, address_string or address_id / 場所を指定してください。");
        var description = field("description");
        if (description is null) return Fail(400, "description was not provided / 内容（description）を入力してください。");
        var kind = CaseKind.Request;
        if (field($"attribute[{KindAttribute}]") is { } kindText && (!Enum.TryParse(kindText, ignoreCase: false, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _)))
            return Fail(400, $"attribute[{KindAttribute}] must be one of " + string.Join(", ", Enum.GetNames<CaseKind>()));

        var name = string.Join(' ', new[] { field("last_name"), field("first_name") }.Where(n => n is not null));
        var email = field("email");
        var phone = field("phone");
        var contact = name.Length > 0 || email is not null || phone is not null;
        var body = new StringBuilder(description).Append("\n\n");
        if (address is not null) body.Append("場所: ").Append(address).Append('\n');
        if (addressId is not null) body.Append("address_id: ").Append(addressId).Append('\n');
        if (lat is not null) body.Append("緯度経度: ").Append(lat.Value.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(lon!.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (field("media_url") is { } media) body.Append("写真: ").Append(media).Append('\n');
        body.Append("（Open311: ").Append(caller.Key.Name).Append('）');
        var firstLine = description.Split('\n')[0].Trim();
        var subject = $"{service.Name}: {firstLine}";
        if (subject.Length > IntakeCheck.SubjectMax) subject = subject[..(IntakeCheck.SubjectMax - 1)] + "…";

        var request = new IntakeRequest
        {
            Kind = kind, Channel = Channel.Open311, Subject = subject, Body = body.ToString(), ToMayor = true, CategoryIds = [service.Id],
            Sender = contact ? SenderKind.Contact : SenderKind.Anonymous,
            Name = contact ? (name.Length > 0 ? name : "（Open311・氏名なし）") : null, Email = email, Phone = phone,
            WantsAnswer = false,
        };
        var result = await intake.RegisterAsync(caller.CaseActor(), request, cancellationToken);
        if (!result.Succeeded) return Fail(400, string.Join(" ", result.Errors.Select(e => $"{Open311Field(e.Key)}: {e.Value}")));
        var created = new Open311Record().With("service_request_id", result.ReceiptNumber).With("service_notice", "受け付けました。受付番号で状況を確認できます。").With("account_id", null);
        return (Open311Writer.Result(format, "service_requests", new Open311Array("request", [created])), 200, result.ReceiptNumber);
    }

    private static string Open311Field(string intakeField) => intakeField switch
    {
        "Body" or "Subject" => "description",
        "Name" => "first_name/last_name",
        "Email" => "email",
        "Phone" => "phone",
        _ => intakeField,
    };

    private static async Task<IResult> RequestsAsync(string format, HttpRequest request, CaseQueries queries, CoreDbContext core, DepartmentDirectory departments, IOptions<Open311Options> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var q = request.Query;
        if (Refuse(format, q["jurisdiction_id"], options.Value) is { } refused) return refused;
        var actor = PublicReader();
        var (services, _) = await ServiceCategoriesAsync(core, cancellationToken);
        var serviceById = services.ToDictionary(s => s.Id);
        var names = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var found = new List<OpinionCase>();
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaxRequests))
            {
                if (await FindOpen311Async(queries, actor, id, cancellationToken) is { } c) found.Add(c);
            }
        }
        else
        {
            DateOnly? from = null, to = null;
            if (q["start_date"].ToString() is { Length: > 0 } start)
            {
                if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)) return Open311Writer.Error(format, 400, "start_date must be ISO 8601 / start_date は ISO 8601 で指定してください。");
                from = DateOnly.FromDateTime(s.ToOffset(TimeSpan.FromHours(9)).DateTime);
            }
            if (q["end_date"].ToString() is { Length: > 0 } end)
            {
                if (!DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)) return Open311Writer.Error(format, 400, "end_date must be ISO 8601 / end_date は ISO 8601 で指定してください。");
                to = DateOnly.FromDateTime(e.ToOffset(TimeSpan.FromHours(9)).DateTime);
            }
            if (from is null && to is null) from = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(-90);
            var status = q["status"].ToString();
            if (status is not ("" or "open" or "closed")) return Open311Writer.Error(format, 400, "status must be open or closed");
            var statuses = status == "closed" ? Closed.Cast<CaseStatus?>().ToArray() : [null];
            Guid? serviceFilter = null;
            if (q["service_code"].ToString() is { Length: > 0 } code)
            {
                serviceFilter = services.FirstOrDefault(s => s.Code == code)?.Id;
                if (serviceFilter is null) return Open311Writer.Error(format, 404, "service_code not found / この分類はありません。");
            }
            foreach (var one in statuses)
            {
                var page = await queries.ListAsync(actor, new CaseListQuery(status == "open" ? CaseListTab.Open : CaseListTab.Mine, one, Channel.Open311, From: from, To: to, PageSize: MaxRequests), cancellationToken);
                foreach (var row in page.Rows)
                {
                    if (await queries.FindAsync(actor, row.Id, cancellationToken) is { } c && (serviceFilter is null || c.Categories.Any(k => k.CategoryId == serviceFilter))) found.Add(c);
                }
            }
        }
        var items = found.OrderByDescending(c => c.RegisteredAt).Take(MaxRequests).Select(c => (object?)Public(c, serviceById, names)).ToList();
        return Open311Writer.Result(format, "service_requests", new Open311Array("request", items));
    }

    private static async Task<IResult> RequestAsync(string service_request_id, string format, string? jurisdiction_id, CaseQueries queries, CoreDbContext core, DepartmentDirectory departments, IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        if (Refuse(format, jurisdiction_id, options.Value) is { } refused) return refused;
        var found = await FindOpen311Async(queries, PublicReader(), service_request_id, cancellationToken);
        if (found is null) return Open311Writer.Error(format, 404, "service_request_id not found / この受付番号の要望はありません。");
        var (services, _) = await ServiceCategoriesAsync(core, cancellationToken);
        var names = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        return Open311Writer.Result(format, "service_requests", new Open311Array("request", [Public(found, services.ToDictionary(s => s.Id), names)]));
    }

    /// <summary>What anyone may read of a request: status, the public status note, dates and the responsible 課 — no text, no sender.</summary>
    private static Open311Record Public(OpinionCase c, IReadOnlyDictionary<Guid, Category> services, IReadOnlyDictionary<Guid, string> departments)
    {
        var service = c.Categories.Select(k => services.GetValueOrDefault(k.CategoryId)).FirstOrDefault(s => s is not null);
        var closed = Closed.Contains(c.Status);
        var note = c.Status switch
        {
            CaseStatus.Received => "受付",
            CaseStatus.Answered => "回答済",
            CaseStatus.Completed => "完了",
            CaseStatus.NoAnswerNeeded => "完了（回答不要）",
            _ => "対応中",
        };
        return new Open311Record()
            .With("service_request_id", c.ReceiptNumber).With("status", closed ? "closed" : "open").With("status_notes", note)
            .With("service_name", service?.Name).With("service_code", service?.Code)
            .With("agency_responsible", c.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d) : null)
            .With("requested_datetime", c.RegisteredAt).With("updated_datetime", c.UpdatedAt);
    }

    private static async Task<OpinionCase?> FindOpen311Async(CaseQueries queries, CaseActor actor, string receipt, CancellationToken cancellationToken)
    {
        if (receipt.Length is 0 or > 20) return null;
        var page = await queries.ListAsync(actor, new CaseListQuery(Channel: Channel.Open311, ReceiptNumber: receipt, PageSize: 10), cancellationToken);
        return page.Rows.FirstOrDefault(r => r.ReceiptNumber == receipt) is { } row ? await queries.FindAsync(actor, row.Id, cancellationToken) : null;
    }

    /// <summary>Reads every Open311 case, for the public view above only (which shows nothing personal).</summary>
    private static CaseActor PublicReader() => CaseActor.System("Open311");

    /// <summary>Services are the 中分類 (categories under a 大分類), in the categories' order.</summary>
    private static async Task<(IReadOnlyList<Category> Services, IReadOnlyDictionary<Guid, Category> Parents)> ServiceCategoriesAsync(CoreDbContext core, CancellationToken cancellationToken)
    {
        var all = await core.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var parents = all.Where(c => c.ParentId is null).ToDictionary(c => c.Id);
        var services = all.Where(c => c.ParentId is not null)
            .OrderBy(c => parents.TryGetValue(c.ParentId!.Value, out var p) ? p.SortOrder : 0).ThenBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
        return (services, parents);
    }
}
