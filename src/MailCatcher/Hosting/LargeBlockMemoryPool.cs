using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace MailCatcher.Hosting;

/// <summary>
/// Kestrel's buffers, in 16 KB blocks instead of its own 4 KB ones. The socket transport receives
/// into one block at a time, so with 4 KB blocks a 50 MB message took 12,800 trips through two
/// recv(2) calls, the pipe and the SMTP session's loop, each with a TCP_QUICKACK setsockopt;
/// with 16 KB blocks it takes a quarter of them: a warm server took 0.23 s instead of 0.29 s
/// (SmtpBench --large-mb 50, medians of 5; 64 KB blocks measured no faster). Idle connections
/// hold no block (the transport waits for data before it asks for one), so the larger block
/// costs memory only while data moves (issue 16, bench/README.md).
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 16 * 1024;

    /// <summary>Blocks kept for reuse; beyond this a returned block is left to the garbage collector.</summary>
    private const int MaxRetained = 256;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _retained;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _retained);
            block.Rented = true;
            return block;
        }
        return new Block(this);
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _retained) <= MaxRetained)
        {
            _free.Enqueue(block);
            return;
        }
        Interlocked.Decrement(ref _retained);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    /// <summary>One block; pinned once when allocated (socket I/O pins its buffer), never moved.</summary>
    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public bool Rented { get; set; } = true;

        public Memory<byte> Memory => _array;

        public void Dispose()
        {
            if (Rented)
            {
                Rented = false;
                pool.Return(this);
            }
        }
    }
}

/// <summary>Hands Kestrel's transports and servers a <see cref="LargeBlockMemoryPool"/>.</summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
