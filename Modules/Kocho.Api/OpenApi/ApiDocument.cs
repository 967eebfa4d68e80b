using Kocho.Api.Access;
using Kocho.Api.Open311;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Kocho.Api.OpenApi;

/// <summary>
/// The OpenAPI document of both APIs (<c>/api/v1/openapi.json</c> on the staff listener), made by
/// Microsoft.AspNetCore.OpenApi from the endpoints themselves: the key scheme, each operation's scope, and which
/// listener serves which path.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Pattern = "/api/{documentName}/openapi.json";
    public const string SchemeName = "apiKey";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.GroupName == Name;
            options.AddDocumentTransformer((document, context, _) =>
            {
                var configuration = context.ApplicationServices.GetRequiredService<IConfiguration>();
                document.Info = new OpenApiInfo
                {
                    Title = "Kocho（広聴）API",
                    Version = "v1",
                    Description = "新宿区 広聴システムの職員用REST API（職員用サイトで提供）と Open311 GeoReport v2（公開サイトで提供）。"
                        + "APIキーは管理者が「APIキー」画面で発行します。エラーは職員用APIが {code, message, errors}、Open311 が仕様どおりの [{code, description}] です。",
                };
                document.Servers = [new OpenApiServer { Url = BaseUrl(configuration, "Staff", "http://127.0.0.1:5001"), Description = "職員用サイト" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Authorization: Bearer kch_…（または X-Api-Key ヘッダー）。Open311 の POST はフォームの api_key でも受け付けます。",
                };
                var publicServer = new OpenApiServer { Url = BaseUrl(configuration, "Public", "http://127.0.0.1:5000"), Description = "公開サイト" };
                foreach (var (path, item) in document.Paths)
                {
                    if (path.StartsWith(Open311Api.Root, StringComparison.Ordinal) && item is OpenApiPathItem pathItem) pathItem.Servers = [publicServer];
                }
                WebhookDescriptions.AddTo(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyMetadata>().FirstOrDefault() is { } body)
                {
                    var schema = body.Type is not null ? await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) : FormSchema(body.FormFields ?? []);
                    operation.RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } } };
                }
                var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiScopeMetadata>().FirstOrDefault();
                var open311Post = context.Description.HttpMethod == "POST" && (context.Description.RelativePath ?? "").StartsWith(Open311Api.Base.TrimStart('/'), StringComparison.Ordinal);
                var needed = scope?.Scope ?? (open311Post ? Keys.ApiScopes.Open311Write : null);
                if (needed is null) return;
                operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + $"必要なスコープ: `{needed}`";
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [needed] }];
            });
        });
        return services;
    }

    private static OpenApiSchema FormSchema(IReadOnlyList<(string Name, string Description, bool Required)> fields) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Description = f.Description }),
        Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
    };

    private static string BaseUrl(IConfiguration configuration, string site, string fallback) =>
        (configuration[$"Kocho:{site}:BaseUrl"] is { Length: > 0 } configured ? configured
            : configuration[$"Kocho:{site}:Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? fallback).TrimEnd('/');
}
