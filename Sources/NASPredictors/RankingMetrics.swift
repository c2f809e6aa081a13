import Foundation

/// Every metric used to judge predictors, in one place: rank correlations (Kendall tau-b,
/// Spearman), Pearson correlation, top-k overlap, and the errors MAE and RMSE.
///
/// Conventions:
/// - Inputs are paired sequences of equal length with finite values; otherwise the metric
///   throws a ``PredictorError``.
/// - Correlations keep their sign (a predictor that ranks backwards scores near -1) and are
///   NaN when undefined (one sequence constant), as in `scipy.stats`.
/// - Argument order never matters for correlations; for errors it is `(predicted, actual)`.
public enum RankingMetrics {
    /// Kendall's tau-b, with ties in either sequence, in O(n log n) (Knight 1966, "A computer
    /// method for calculating Kendall's tau with ungrouped data", JASA 61(314)); the pairs are
    /// ordered by a radix sort (``radixSorted(_:by:)``), the inversions counted by a merge sort.
    ///
    /// `tau_b = (P - Q) / sqrt((n0 - n1) (n0 - n2))` with `P`/`Q` the concordant/discordant
    /// pairs, `n0 = n(n-1)/2`, `n1`/`n2` the pairs tied in `x`/`y`. Equals
    /// `scipy.stats.kendalltau(x, y)` (variant `b`). Pairs are sorted by `(x, y)`; the
    /// discordant pairs are then the inversions of `y`, counted by a merge sort.
    ///
    /// - Returns: a value in -1...1, or NaN when `x` or `y` is constant.
    /// - Throws: on different lengths, fewer than 2 values, or non-finite values.
    public static func kendallTau(_ x: [Double], _ y: [Double]) throws -> Double {
        try validatePaired(x, y, minimumCount: 2)
        let n = x.count
        // Order the pairs by (x, y): a stable radix sort by y, then by x, on order-preserving keys.
        let xKeys = x.map(radixKey), yKeys = y.map(radixKey)
        let order = radixSorted(radixSorted((0..<Int32(n)).map { $0 }, by: yKeys), by: xKeys)
        var xTies = 0, jointTies = 0
        var xRun = 1, jointRun = 1
        for position in 1..<n {
            let previous = Int(order[position - 1]), current = Int(order[position])
            let sameX = xKeys[current] == xKeys[previous]
            if sameX {
                xRun += 1
            } else {
                xTies += xRun * (xRun - 1) / 2
                xRun = 1
            }
            if sameX, yKeys[current] == yKeys[previous] {
                jointRun += 1
            } else {
                jointTies += jointRun * (jointRun - 1) / 2
                jointRun = 1
            }
        }
        xTies += xRun * (xRun - 1) / 2
        jointTies += jointRun * (jointRun - 1) / 2
        var ySequence = order.map { yKeys[Int($0)] }
        let discordant = countInversions(&ySequence)
        let yTies = tiedPairs(sorted: ySequence)
        let total = n * (n - 1) / 2
        let numerator = Double(total - xTies - yTies + jointTies - 2 * discordant)
        let denominator = (Double(total - xTies) * Double(total - yTies)).squareRoot()
        guard denominator > 0 else { return .nan }
        return min(1, max(-1, numerator / denominator))
    }

    /// Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing
    /// their average rank. Equals `scipy.stats.spearmanr(x, y).statistic`.
    ///
    /// - Returns: a value in -1...1, or NaN when `x` or `y` is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        try validatePaired(x, y, minimumCount: 2)
        return try pearson(averageRanks(x), averageRanks(y))
    }

    /// Pearson's correlation coefficient, computed on centred values (two passes).
    /// Equals `scipy.stats.pearsonr(x, y).statistic`.
    ///
    /// - Returns: a value in -1...1, or NaN when `x` or `y` is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) throws -> Double {
        try validatePaired(x, y, minimumCount: 2)
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for index in x.indices {
            let dx = x[index] - meanX, dy = y[index] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return min(1, max(-1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }

    /// Top-k overlap, also called precision@k: the fraction of the true top-k found in the
    /// predicted top-k, `|top_k(actual) ∩ top_k(predicted)| / k`.
    ///
    /// "Top" means the largest values (accuracies); pass negated values for metrics where
    /// smaller is better. Each top-k holds exactly `k` items: ties are broken by position,
    /// the earlier item first, so the result is deterministic.
    ///
    /// - Parameter k: in `1...count`.
    /// - Returns: a value in 0...1 (multiples of `1/k`).
    public static func topKOverlap(predicted: [Double], actual: [Double], k: Int) throws -> Double {
        try validatePaired(predicted, actual, minimumCount: 1)
        guard k >= 1, k <= actual.count else {
            throw PredictorError.invalidHyperparameter(name: "k", value: String(k), expected: "1...\(actual.count)")
        }
        let predictedTop = Set(topIndices(predicted, k: k))
        let hits = topIndices(actual, k: k).filter(predictedTop.contains).count
        return Double(hits) / Double(k)
    }

    /// Mean absolute error, `mean(|predicted - actual|)`.
    public static func meanAbsoluteError(predicted: [Double], actual: [Double]) throws -> Double {
        try validatePaired(predicted, actual, minimumCount: 1)
        return zip(predicted, actual).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(actual.count)
    }

    /// Root mean squared error, `sqrt(mean((predicted - actual)^2))`.
    public static func rootMeanSquaredError(predicted: [Double], actual: [Double]) throws -> Double {
        try validatePaired(predicted, actual, minimumCount: 1)
        let sum = zip(predicted, actual).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (sum / Double(actual.count)).squareRoot()
    }

    /// Ranks 1...n, tied values sharing the average of their ranks (`scipy.stats.rankdata`,
    /// method `average`).
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] {
                end += 1
            }
            let average = Double(start + 1 + end) / 2
            for position in start..<end {
                ranks[order[position]] = average
            }
            start = end
        }
        return ranks
    }

    /// Indices of the `k` largest values, ties broken by lower index.
    static func topIndices(_ values: [Double], k: Int) -> [Int] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        return Array(order.prefix(k))
    }

    /// Number of pairs tied in an ascending sequence.
    static func tiedPairs<Value: Equatable>(sorted values: [Value]) -> Int {
        var ties = 0, run = 1
        for index in values.indices.dropFirst() {
            if values[index] == values[index - 1] {
                run += 1
            } else {
                ties += run * (run - 1) / 2
                run = 1
            }
        }
        return ties + run * (run - 1) / 2
    }

    /// Sorts `values` ascending (stable merge sort) and returns the number of strict
    /// inversions, pairs `i < j` with `values[i] > values[j]`.
    ///
    /// Runs of ``insertionRun`` values are first sorted by insertion (counting the inversions
    /// it removes), then merged bottom-up, alternating between two buffers.
    static func countInversions<Value: Comparable>(_ values: inout [Value]) -> Int {
        let n = values.count
        guard n > 1 else { return 0 }
        var inversions = 0
        var scratch = values
        values.withUnsafeMutableBufferPointer { a in
            for start in stride(from: 0, to: n, by: insertionRun) {
                let end = min(start + insertionRun, n)
                for position in (start + 1)..<max(start + 1, end) {
                    let value = a[position]
                    var hole = position
                    while hole > start, a[hole - 1] > value {
                        a[hole] = a[hole - 1]
                        hole -= 1
                    }
                    inversions += position - hole
                    a[hole] = value
                }
            }
            scratch.withUnsafeMutableBufferPointer { b in
                var source = a, target = b
                var width = insertionRun
                var inSource = true
                while width < n {
                    var start = 0
                    while start < n {
                        let middle = min(start + width, n), end = min(start + 2 * width, n)
                        var left = start, right = middle, out = start
                        while left < middle, right < end {
                            if source[right] < source[left] {
                                target[out] = source[right]
                                inversions += middle - left
                                right += 1
                            } else {
                                target[out] = source[left]
                                left += 1
                            }
                            out += 1
                        }
                        while left < middle {
                            target[out] = source[left]
                            left += 1
                            out += 1
                        }
                        while right < end {
                            target[out] = source[right]
                            right += 1
                            out += 1
                        }
                        start = end
                    }
                    swap(&source, &target)
                    inSource.toggle()
                    width *= 2
                }
                if !inSource {
                    for index in 0..<n { a[index] = source[index] }
                }
            }
        }
        return inversions
    }

    /// Length of the runs ``countInversions(_:)`` sorts by insertion before merging.
    static let insertionRun = 16

    /// Checks equal lengths, a minimum count and finiteness.
    private static func validatePaired(_ x: [Double], _ y: [Double], minimumCount: Int) throws {
        guard x.count == y.count else { throw PredictorError.lengthMismatch(first: x.count, second: y.count) }
        guard x.count >= minimumCount else { throw PredictorError.tooFewValues(needed: minimumCount, found: x.count) }
        for (name, values) in [("x", x), ("y", y)] {
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                throw PredictorError.nonFiniteValue(argument: name, index: index, value: values[index])
            }
        }
    }
}
