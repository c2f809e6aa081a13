import Dispatch

/// Runs `body(0..<count)` on all cores (`DispatchQueue.concurrentPerform`) and returns the
/// results in index order. Each result depends only on its index, never on which thread ran
/// it or when, so the output is the same under any scheduling.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { index in
        shared[index] = body(index)
    }
    return slots.compactMap { $0 }
}

/// Splits `0..<count` into at most `chunks` contiguous ranges of near-equal size.
func chunkRanges(_ count: Int, chunks: Int) -> [Range<Int>] {
    let parts = max(1, min(chunks, count))
    return (0..<parts).map { part in (part * count / parts)..<((part + 1) * count / parts) }
}
