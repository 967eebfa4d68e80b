using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Kocho.Api.Open311;

/// <summary>
/// Writes a GeoReport v2 response in the format its URL asked for (<c>.json</c> or <c>.xml</c>): UTF-8, the XML with
/// its declaration, instants in ISO 8601 with the Japan offset, as the specification requires.
/// </summary>
public static class Open311Writer
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string XmlType = "text/xml; charset=utf-8";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static bool IsFormat(string? format) => format is "json" or "xml";

    /// <summary>A result with <paramref name="root"/> (an array or a record) as the document element <paramref name="rootName"/>.</summary>
    public static IResult Result(string format, string rootName, object root, int status = StatusCodes.Status200OK)
    {
        var xml = format == "xml";
        var bytes = xml ? Xml(rootName, root) : Json(root);
        return new BytesResult(bytes, xml ? XmlType : JsonType, status);
    }

    /// <summary>The specification's error body: a list of {code, description}, code being the HTTP status.</summary>
    public static IResult Error(string format, int status, string description, HttpContext? context = null, int? retryAfter = null)
    {
        if (retryAfter is { } wait && context is not null) context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        var error = new Open311Record().With("code", status).With("description", description);
        return Result(IsFormat(format) ? format : "json", "errors", new Open311Array("error", [error]), status);
    }

    public static string Instant(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(JapanOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static byte[] Json(object root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            WriteJson(writer, root);
        }
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case DateTime t: writer.WriteStringValue(Instant(t)); break;
            case Open311Record record:
                writer.WriteStartObject();
                foreach (var (name, field) in record)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, field);
                }
                writer.WriteEndObject();
                break;
            case Open311Array array:
                writer.WriteStartArray();
                foreach (var item in array.Items) WriteJson(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"No Open311 form for {value.GetType()}.");
        }
    }

    private static byte[] Xml(string rootName, object root)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            writer.WriteStartDocument();
            WriteXml(writer, rootName, root);
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter writer, string name, object? value)
    {
        writer.WriteStartElement(name);
        switch (value)
        {
            case null: break;
            case Open311Record record:
                foreach (var (field, inner) in record) WriteXml(writer, field, inner);
                break;
            case Open311Array array:
                foreach (var item in array.Items) WriteXml(writer, array.ItemName, item);
                break;
            default: writer.WriteString(Scalar(value)); break;
        }
        writer.WriteEndElement();
    }

    private static string Scalar(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTime t => Instant(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class BytesResult(byte[] bytes, string contentType, int status) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = bytes.Length;
            return httpContext.Response.Body.WriteAsync(bytes).AsTask();
        }
    }
}
