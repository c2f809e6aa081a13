import Dispatch
import Foundation

/// Fork-join parallelism over index ranges with a fixed worker count.
///
/// Work is split into the same contiguous chunks on every run and callers
/// index partial results by chunk, so reductions that combine per-chunk
/// results in chunk order are deterministic.
///
/// Implementation note (measured on the shared 2-vCPU target): libdispatch's
/// `concurrentPerform` often runs both chunks of a short job on the calling
/// thread (a sleeping worker wakes in ~0.1 ms), so sub-millisecond ops gain
/// little. A persistent pool whose idle workers spin was tried: faster when
/// the machine is idle, but up to 2x slower under load from other jobs (the
/// spinning worker takes CPU from our own main thread), so it was dropped.
public enum Parallel {
    /// Number of worker threads: the active processor count (2 on the target).
    public static let workerCount: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Splits `0..<count` into at most `chunks` contiguous ranges and runs
    /// `body(range, chunkIndex)` for each, concurrently when there is more than one.
    public static func forEachChunk(count: Int, chunks: Int = workerCount,
                                    _ body: (Range<Int>, Int) -> Void) {
        let n = chunkCount(count: count, chunks: chunks)
        if count <= 0 { return }
        if n == 1 { body(0..<count, 0); return }
        let base = count / n, extra = count % n
        // concurrentPerform is synchronous, so `body` never outlives this call;
        // callers guarantee chunks touch disjoint memory.
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: n) { i in
                let lo = i * base + Swift.min(i, extra)
                let hi = lo + base + (i < extra ? 1 : 0)
                box.value(lo..<hi, i)
            }
        }
    }

    /// The number of chunks ``forEachChunk(count:chunks:_:)`` uses.
    public static func chunkCount(count: Int, chunks: Int = workerCount) -> Int {
        max(1, min(chunks, count))
    }
}
