using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Kocho.Api.OpenApi;

/// <summary>
/// The webhooks of issue #13 item 4 in the OpenAPI document, described from the issue (events, no personal data,
/// HMAC-SHA256 signature); the webhook module (Kocho.Integrations) delivers them and its documentation has the last word.
/// </summary>
public static class WebhookDescriptions
{
    public static readonly IReadOnlyList<(string Event, string Summary)> Events =
    [
        ("case.received", "意見等を受け付けた"),
        ("case.forwarded", "意見等を所属に転送した"),
        ("case.answered", "意見等に回答した"),
        ("case.closed", "意見等を完了した"),
        ("faq.published", "FAQを公開した"),
    ];

    public static void AddTo(OpenApiDocument document)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (name, summary) in Events)
        {
            var payload = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "個人情報（氏名・連絡先・本文）は含みません。",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(name)] },
                    ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["data"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = name.StartsWith("faq.", StringComparison.Ordinal) ? "FAQの番号と質問" : "意見等のID・受付番号・状態・所属コード",
                    },
                },
            };
            var operation = new OpenApiOperation
            {
                Summary = summary,
                Description = "管理者が登録したHTTPSの宛先に POST します。本文の HMAC-SHA256 署名がヘッダーに付きます。届かなければ再送します。",
                RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = payload } } },
                Responses = new OpenApiResponses { ["2XX"] = new OpenApiResponse { Description = "受け取った（それ以外は再送）" } },
            };
            document.Webhooks[name] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
        }
    }
}
