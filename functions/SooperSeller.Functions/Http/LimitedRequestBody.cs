using Microsoft.AspNetCore.Http;
using SooperSeller.Core.Errors;

namespace SooperSeller.Functions.Http;

/// <summary>
/// Enforces a route's body limit: refuses a declared <c>Content-Length</c> over it at once, and a chunked body as soon as
/// more than the limit has been read, so an oversized body is never buffered whole.
/// </summary>
public static class LimitedRequestBody
{
    public static void Apply(HttpRequest request, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limitBytes)
        {
            throw TooLarge(limitBytes);
        }

        request.Body = new LimitedStream(request.Body, limitBytes);
    }

    private static PayloadTooLargeException TooLarge(long limitBytes) =>
        new($"The request body is larger than this route accepts ({limitBytes:N0} bytes).", limitBytes);

    private sealed class LimitedStream(Stream inner, long limitBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limitBytes ? throw TooLarge(limitBytes) : read;
        }
    }
}
