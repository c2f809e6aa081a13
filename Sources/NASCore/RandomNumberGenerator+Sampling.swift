extension RandomNumberGenerator {
    /// A uniform index in `0..<count` (`count > 0`), with the project's reproducible method
    /// (``nextUniform(below:)``; the standard library's `Int.random(in:using:)` and
    /// `randomElement(using:)` do not promise their algorithms across Swift versions).
    @inlinable
    public mutating func nextIndex(below count: Int) -> Int {
        Int(nextUniform(below: UInt64(count)))
    }

    /// Shuffles `array` in place (Fisher-Yates with ``nextIndex(below:)``), reproducibly across
    /// Swift versions (the standard library's `shuffle(using:)` does not promise its algorithm).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextIndex(below: i + 1))
        }
    }

    /// `k` distinct indices drawn uniformly from `0..<count` (all of them, shuffled, if `k >= count`).
    public mutating func sampleIndices(_ k: Int, from count: Int) -> [Int] {
        var indices = Array(0..<count)
        let take = min(k, count)
        for i in 0..<take {
            indices.swapAt(i, i + nextIndex(below: count - i))
        }
        return Array(indices.prefix(take))
    }
}
