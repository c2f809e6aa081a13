/// Predictions with their spread: for row `i`, `mean[i]` and `std[i]` (population standard
/// deviation across ensemble members or trees, `ddof = 0`, as `numpy.std`).
public struct PredictiveDistribution: Hashable, Sendable, Codable {
    /// Mean prediction per row.
    public let mean: [Double]
    /// Spread per row (>= 0).
    public let std: [Double]

    /// A distribution from per-row means and spreads of equal length.
    public init(mean: [Double], std: [Double]) {
        precondition(mean.count == std.count, "one spread per mean")
        self.mean = mean
        self.std = std
    }

    /// Mean and population standard deviation across members: `memberPredictions[m][i]` is
    /// member `m`'s prediction for row `i`. Sums run over members in order, so the result is
    /// deterministic.
    public init(memberPredictions: [[Double]]) {
        let rows = memberPredictions.first?.count ?? 0
        let count = Double(memberPredictions.count)
        var mean = [Double](repeating: 0, count: rows)
        var std = [Double](repeating: 0, count: rows)
        for member in memberPredictions {
            for row in 0..<rows {
                mean[row] += member[row]
            }
        }
        for row in 0..<rows {
            mean[row] /= count
        }
        for member in memberPredictions {
            for row in 0..<rows {
                let deviation = member[row] - mean[row]
                std[row] += deviation * deviation
            }
        }
        for row in 0..<rows {
            std[row] = (std[row] / count).squareRoot()
        }
        self.init(mean: mean, std: std)
    }
}
