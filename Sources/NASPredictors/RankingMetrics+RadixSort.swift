extension RankingMetrics {
    /// An unsigned key whose order is the order of the finite `value`s (IEEE 754 bits with the
    /// sign flipped, negatives inverted); `-0.0` and `0.0` get one key, as they compare equal.
    @inline(__always)
    static func radixKey(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// `order` stably re-sorted by `keys[order[i]]`: a least-significant-digit radix sort, one
    /// byte a pass; a pass in which every key has the same byte is skipped (no data moves).
    ///
    /// Stable, so sorting by a secondary key and then by the primary one gives the lexicographic
    /// order (what ``kendallTau(_:_:)`` needs), in linear time.
    static func radixSorted(_ order: [Int32], by keys: [UInt64]) -> [Int32] {
        let n = order.count
        var histograms = [Int](repeating: 0, count: 8 * 256)
        for key in keys {
            for pass in 0..<8 {
                histograms[pass * 256 + Int((key >> (8 * UInt64(pass))) & 0xFF)] += 1
            }
        }
        var current = order
        var next = [Int32](repeating: 0, count: n)
        for pass in 0..<8 {
            let base = pass * 256
            guard !(0..<256).contains(where: { histograms[base + $0] == n }) else { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var total = 0
            for byte in 0..<256 {
                offsets[byte] = total
                total += histograms[base + byte]
            }
            let shift = 8 * UInt64(pass)
            current.withUnsafeBufferPointer { source in
                next.withUnsafeMutableBufferPointer { target in
                    keys.withUnsafeBufferPointer { keys in
                        for index in source {
                            let byte = Int((keys[Int(index)] >> shift) & 0xFF)
                            target[offsets[byte]] = index
                            offsets[byte] += 1
                        }
                    }
                }
            }
            swap(&current, &next)
        }
        return current
    }
}
