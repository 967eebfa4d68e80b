namespace Kocho.Core.Csv;

/// <summary>
/// Passes a CSV export through to the file and counts its records as they go by (a line break outside quotes; '"' and LF
/// never occur inside a UTF-8 or CP932 multi-byte character), so that a long export on the command line shows how far it is.
/// </summary>
public sealed class CsvProgressStream(Stream inner, int total, Action<int, int> report, int steps = 10) : Stream
{
    private bool _quoted;
    private int _records;
    private int _lastStep;

    /// <summary>Data rows seen so far (the header not counted).</summary>
    public int Rows => Math.Max(0, _records - 1);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(ReadOnlySpan<byte> buffer)
    {
        foreach (var b in buffer)
        {
            if (b == (byte)'"') _quoted = !_quoted;
            else if (b == (byte)'\n' && !_quoted) _records++;
        }
        if (total <= 0) return;
        var step = (int)Math.Min(steps, (long)Rows * steps / total);
        if (step <= _lastStep) return;
        _lastStep = step;
        report(Math.Min(Rows, total), total);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
