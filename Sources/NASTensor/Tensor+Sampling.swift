import NASCore

extension Tensor {
    /// One category per row of these probabilities (the last axis), drawn from `rng`: one
    /// ``RandomNumberGenerator/nextUnitDouble()`` `u` per row in row-major order, and the
    /// first category whose cumulative probability (in `Double`) exceeds `u` times the row's
    /// total, as NumPy's `random.choice(p=...)` inverts the normalised CDF. MetaD2A samples
    /// vertex types this way from `softmax(type_scores)` (generator/model.py, `graph_decode`).
    /// Rows need not sum to exactly 1. No gradient.
    ///
    /// - Throws: ``SamplingError/invalidCategoricalRow(row:reason:)`` for a row with a negative,
    ///   infinite or NaN entry, or with no positive entry.
    public func sampleCategorical(using rng: inout some RandomNumberGenerator) throws -> [Int] {
        precondition(rank >= 1 && shape[rank - 1] > 0, "sampleCategorical: needs a last axis of categories, got shape \(shape)")
        let classes = shape[rank - 1], rows = count / classes
        var picks: [Int] = []
        picks.reserveCapacity(rows)
        for r in 0..<rows {
            let row = data[(r * classes)..<((r + 1) * classes)]
            var total = 0.0
            for p in row {
                guard p.isFinite, p >= 0 else {
                    throw SamplingError.invalidCategoricalRow(row: r, reason: "has the entry \(p)")
                }
                total += Double(p)
            }
            guard total > 0 else { throw SamplingError.invalidCategoricalRow(row: r, reason: "sums to zero") }
            let target = rng.nextUnitDouble() * total
            var cumulative = 0.0, pick = -1, lastPositive = 0
            for (c, p) in row.enumerated() {
                cumulative += Double(p)
                if p > 0 { lastPositive = c }
                if cumulative > target { pick = c; break }
            }
            // Rounding can leave the last cumulative value at the target: take the last possible category.
            picks.append(pick >= 0 ? pick : lastPositive)
        }
        return picks
    }

    /// One Bernoulli draw per element of these probabilities: `true` when a
    /// ``RandomNumberGenerator/nextUnitDouble()`` is below the probability (one draw per element,
    /// row-major), as MetaD2A's `torch.rand_like(p) < p` decides edges. No gradient.
    ///
    /// - Throws: ``SamplingError/invalidBernoulliProbability(index:value:)`` for a value outside
    ///   `[0, 1]` or NaN.
    public func sampleBernoulli(using rng: inout some RandomNumberGenerator) throws -> [Bool] {
        for (i, p) in data.enumerated() where !(p >= 0 && p <= 1) {
            throw SamplingError.invalidBernoulliProbability(index: i, value: p)
        }
        return data.map { rng.nextUnitDouble() < Double($0) }
    }

    /// The index of the largest entry along `axis` for every position of the other axes, in
    /// row-major order of those positions (the first one among ties, as `torch.argmax`; unlike
    /// it, a NaN entry is chosen only when all are NaN, as index 0). No gradient.
    ///
    /// - Precondition: `shape[axis] > 0`.
    public func argmax(axis: Int) -> [Int] {
        let ax = Shape.normalizeAxes([axis], rank: rank, op: "argmax", shape: shape)[0]
        let size = shape[ax]
        precondition(size > 0, "argmax: axis \(ax) of shape \(shape) is empty")
        let outer = shape[..<ax].reduce(1, *), inner = shape[(ax + 1)...].reduce(1, *)
        var result = [Int](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                var best = 0, bestValue = data[base]
                for k in 1..<size {
                    let v = data[base + k * inner]
                    if v > bestValue || (bestValue.isNaN && !v.isNaN) { best = k; bestValue = v }
                }
                result[o * inner + i] = best
            }
        }
        return result
    }

    /// Whether each element exceeds `threshold` (row-major), as MetaD2A's deterministic edge
    /// decoding `edge_score > 0.5`. No gradient.
    public func isGreater(than threshold: Float) -> [Bool] {
        data.map { $0 > threshold }
    }
}
