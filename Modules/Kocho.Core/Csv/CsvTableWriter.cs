using System.Text;

namespace Kocho.Core.Csv;

/// <summary>
/// RFC 4180 rows for Excel: UTF-8 with BOM, or Shift_JIS (CP932) where every character CP932 cannot hold becomes 〓
/// and is counted, so that the person exporting is told. Cells that Excel would run as a formula get a leading '.
/// </summary>
public sealed class CsvTableWriter : IAsyncDisposable
{
    public const char Replacement = '〓';

    private readonly StreamWriter _writer;
    private readonly CountingFallback? _fallback;

    private CsvTableWriter(Stream stream, Encoding encoding, CountingFallback? fallback)
    {
        _writer = new StreamWriter(stream, encoding, bufferSize: 64 * 1024) { NewLine = "\r\n" };
        _fallback = fallback;
    }

    public static CsvTableWriter Utf8(Stream stream) => new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), null);

    public static CsvTableWriter ShiftJis(Stream stream)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fallback = new CountingFallback();
        return new(stream, Encoding.GetEncoding(932, fallback, DecoderFallback.ReplacementFallback), fallback);
    }

    /// <summary>Text as Shift_JIS (CP932) bytes, each character CP932 has no code for written as 〓; and how many those were.</summary>
    public static (byte[] Bytes, int Replaced) EncodeShiftJis(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fallback = new CountingFallback();
        var encoding = Encoding.GetEncoding(932, fallback, DecoderFallback.ReplacementFallback);
        // One encoder pass (Encoding.GetBytes would count first and so meet each character twice).
        var buffer = new byte[encoding.GetMaxByteCount(text.Length)];
        var length = encoding.GetEncoder().GetBytes(text.AsSpan(), buffer, flush: true);
        return (buffer[..length], fallback.Count);
    }

    /// <summary>How many characters were written as 〓 because CP932 has no code for them.</summary>
    public int ReplacedCharacters => _fallback?.Count ?? 0;

    public int Rows { get; private set; }

    public async Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) await _writer.WriteAsync(',');
            first = false;
            await _writer.WriteAsync(Escape(cell ?? "").AsMemory(), cancellationToken);
        }
        await _writer.WriteLineAsync();
        Rows++;
    }

    private static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    private sealed class CountingFallback : EncoderFallback
    {
        public int Count;

        public override int MaxCharCount => 1;

        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : EncoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(char charUnknown, int index) => Take();

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) => Take();

            private bool Take()
            {
                owner.Count++;
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending) return '\0';
                _pending = false;
                return Replacement;
            }

            public override bool MovePrevious() => false;

            public override void Reset() => _pending = false;
        }
    }
}
