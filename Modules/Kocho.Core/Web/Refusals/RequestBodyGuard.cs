using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Web.Refusals;

/// <summary>
/// Reads every form before its page does, so that a body that is too large (413: 1 MB, or the endpoint's own
/// <c>[RequestSizeLimit]</c> for attachment uploads), not UTF-8, holding a NUL character, or a broken multipart (400) gets a clear Japanese answer
/// and never reaches the page: nothing is saved, nothing fails with a 500.
/// </summary>
public sealed class RequestBodyGuard(RequestDelegate next, ILogger<RequestBodyGuard> log)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>How much of a too-large body is still read (and dropped): a browser shows the 413 page only once its upload is done.</summary>
    public const long DrainBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint() is not { } endpoint || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }
        var max = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
        if (request.ContentLength > max)
        {
            if (request.ContentLength <= max + DrainBytes)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } drain) drain.MaxRequestBodySize = max + DrainBytes;
                await DrainAsync(request.Body, context.RequestAborted);
            }
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "too_large", RequestRefusal.TooLargeMessage(max), $"Content-Length {request.ContentLength} over {max}");
            return;
        }
        if (!request.HasFormContentType)
        {
            await next(context);
            return;
        }
        try
        {
            var urlEncoded = request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
            if (urlEncoded)
            {
                request.EnableBuffering();
                using var raw = new MemoryStream();
                await request.Body.CopyToAsync(raw, context.RequestAborted);
                request.Body.Position = 0;
                var decoded = PercentDecoded(raw.GetBuffer().AsSpan(0, (int)raw.Length));
                if (!IsUtf8(decoded))
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_encoding", RequestRefusal.BadEncoding, "form body is not UTF-8");
                    return;
                }
                if (decoded.AsSpan().Contains((byte)0))
                {
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_character", RequestRefusal.NulCharacter, "form body holds NUL");
                    return;
                }
            }
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (request.Body.CanSeek) request.Body.Position = 0;
            // The form reader replaces bytes that are not UTF-8 with U+FFFD: a multipart field holding one was not UTF-8.
            if (!urlEncoded && (form.Any(f => f.Key.Contains('\uFFFD') || f.Value.Any(v => v?.Contains('\uFFFD') == true)) || form.Files.Any(f => f.FileName.Contains('\uFFFD'))))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_encoding", RequestRefusal.BadEncoding, "multipart field is not UTF-8");
                return;
            }
            // PostgreSQL cannot store NUL in text: refused here rather than failing at the save with a 500.
            if (!urlEncoded && (form.Any(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true)) || form.Files.Any(f => f.FileName.Contains('\0'))))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_character", RequestRefusal.NulCharacter, "multipart field holds NUL");
                return;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "too_large", RequestRefusal.TooLargeMessage(max), ex.Message);
            return;
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "too_large", RequestRefusal.TooLargeMessage(max), ex.Message);
            return;
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "malformed_body", RequestRefusal.Malformed, ex.Message);
            return;
        }
        await next(context);
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client stopped sending or sent more than it said: it gets the refusal as far as it still listens.
        }
    }

    private async Task RefuseAsync(HttpContext context, int status, string code, string message, string detail)
    {
        log.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, status, detail);
        await RequestRefusal.WriteAsync(context, status, code, message);
    }

    /// <summary>The bytes a form body stands for: <c>%XX</c> escapes decoded (what the form reader would turn into text).</summary>
    private static byte[] PercentDecoded(ReadOnlySpan<byte> body)
    {
        var bytes = new byte[body.Length];
        var n = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '%' && i + 2 < body.Length && IsHex(body[i + 1]) && IsHex(body[i + 2]))
            {
                bytes[n++] = (byte)(Hex(body[i + 1]) * 16 + Hex(body[i + 2]));
                i += 2;
            }
            else
            {
                bytes[n++] = body[i];
            }
        }
        return bytes.AsSpan(0, n).ToArray();
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
