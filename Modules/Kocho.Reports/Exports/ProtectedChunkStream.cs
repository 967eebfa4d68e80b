using Microsoft.AspNetCore.DataProtection;

namespace Kocho.Reports.Exports;

/// <summary>
/// The write-only stream an export is written into: it cuts the bytes into chunks, encrypts each and hands it on, and counts
/// CSV records as they pass (a line break outside quotes; '"' and LF never occur inside a UTF-8 or CP932 multi-byte character).
/// </summary>
public sealed class ProtectedChunkStream(IDataProtector protector, Func<int, byte[], CancellationToken, Task> store, int chunkSize = 256 * 1024) : Stream
{
    private readonly MemoryStream _buffer = new();
    private bool _quoted;

    public int Chunks { get; private set; }

    /// <summary>Records seen so far, the header included.</summary>
    public int Records { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        foreach (var b in buffer.Span)
        {
            if (b == (byte)'"') _quoted = !_quoted;
            else if (b == (byte)'\n' && !_quoted) Records++;
        }
        _buffer.Write(buffer.Span);
        if (_buffer.Length >= chunkSize) await StoreAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Stores what is left; called once the export has written everything.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => _buffer.Length > 0 ? StoreAsync(cancellationToken) : Task.CompletedTask;

    private async Task StoreAsync(CancellationToken cancellationToken)
    {
        var data = protector.Protect(_buffer.ToArray());
        _buffer.SetLength(0);
        await store(Chunks, data, cancellationToken);
        Chunks++;
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
