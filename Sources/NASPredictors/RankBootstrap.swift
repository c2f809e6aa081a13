import NASCore

/// Percentile bootstrap intervals for rank correlations over paired items (cells): each resample
/// draws `n` items with replacement (seeded), the statistic is recomputed, and the interval is the
/// `(1 - level) / 2` and `(1 + level) / 2` quantiles of the finite values (a resample whose
/// statistic is undefined, e.g. one with a single distinct value, is left out).
public enum RankBootstrap {
    /// Bootstrap interval of `statistic(indices)` for `count` items.
    /// - Throws: ``PredictorError`` when `count < 2`, `resamples < 1`, `level` is outside (0, 1), or no
    ///   resample gives a finite value (`tooFewValues(needed: 1, found: 0)`).
    public static func interval(count: Int, resamples: Int = 2000, level: Double = 0.95, seed: UInt64,
                                _ statistic: ([Int]) throws -> Double) throws -> (low: Double, high: Double) {
        guard count >= 2 else { throw PredictorError.tooFewValues(needed: 2, found: count) }
        guard resamples >= 1 else {
            throw PredictorError.invalidHyperparameter(name: "resamples", value: "\(resamples)", expected: ">= 1")
        }
        guard level > 0, level < 1 else {
            throw PredictorError.invalidHyperparameter(name: "level", value: "\(level)", expected: "in (0, 1)")
        }
        var rng = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let indices = (0..<count).map { _ in rng.nextIndex(below: count) }
            let v = try statistic(indices)
            if v.isFinite { values.append(v) }
        }
        guard !values.isEmpty else { throw PredictorError.tooFewValues(needed: 1, found: 0) }
        values.sort()
        return (quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2))
    }

    /// Interval of Kendall tau-b between `x` and `y`.
    public static func kendallTau(_ x: [Double], _ y: [Double], resamples: Int = 2000, level: Double = 0.95,
                                  seed: UInt64) throws -> (low: Double, high: Double) {
        _ = try RankingMetrics.kendallTau(x, y)  // the input checks
        return try interval(count: x.count, resamples: resamples, level: level, seed: seed) { idx in
            try RankingMetrics.kendallTau(idx.map { x[$0] }, idx.map { y[$0] })
        }
    }

    /// Interval of the paired difference `tau(a, y) - tau(b, y)` (both on the same resamples).
    public static func kendallTauDifference(_ a: [Double], _ b: [Double], _ y: [Double], resamples: Int = 2000,
                                            level: Double = 0.95, seed: UInt64) throws -> (low: Double, high: Double) {
        _ = try RankingMetrics.kendallTau(a, y)
        _ = try RankingMetrics.kendallTau(b, y)
        return try interval(count: y.count, resamples: resamples, level: level, seed: seed) { idx in
            let ys = idx.map { y[$0] }
            return try RankingMetrics.kendallTau(idx.map { a[$0] }, ys) - RankingMetrics.kendallTau(idx.map { b[$0] }, ys)
        }
    }

    /// The `q` quantile of sorted values, linearly interpolated (numpy's default rule).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
