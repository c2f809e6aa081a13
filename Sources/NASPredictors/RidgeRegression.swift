/// Ridge regression: a linear, additive model fitted in closed form, the simplest baseline. On the
/// adjacency one-hot encoding it models "which op on which edge" additively.
///
/// Fitting centres features and labels (an unpenalised intercept) and solves
/// `(XᵀX + λI) w = Xᵀy` by Cholesky factorisation, in float64. Deterministic: it ignores the
/// generator. Rows whose centred feature is exactly zero are skipped in the Gram sums, which keeps
/// sparse (0/1) encodings cheap without changing a bit of the result.
public struct RidgeRegression: Predictor {
    public let configuration: RidgeConfiguration
    /// The fitted weights, one per feature (empty before `fit`).
    public private(set) var weights: [Double] = []
    /// The fitted intercept.
    public private(set) var intercept = 0.0

    public init(configuration: RidgeConfiguration = RidgeConfiguration()) {
        self.configuration = configuration
    }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        try configuration.validate()
        let d = features.columnCount
        let n = Double(features.rowCount)
        var featureMean = [Double](repeating: 0, count: d)
        for r in 0..<features.rowCount {
            let row = features.row(r)
            for j in 0..<d where row[row.startIndex + j] != 0 { featureMean[j] += row[row.startIndex + j] / n }
        }
        let labelMean = labels.reduce(0, +) / n
        // Gram matrix of the centred rows plus λI, and the centred right-hand side.
        var gram = [Double](repeating: 0, count: d * d)
        var rhs = [Double](repeating: 0, count: d)
        var x = [Double](repeating: 0, count: d)
        for (r, label) in labels.enumerated() {
            let row = features.row(r)
            for j in 0..<d { x[j] = -featureMean[j] }
            for j in 0..<d where row[row.startIndex + j] != 0 { x[j] += row[row.startIndex + j] }
            let y = label - labelMean
            for i in 0..<d where x[i] != 0 {
                rhs[i] += x[i] * y
                for j in 0...i { gram[i * d + j] += x[i] * x[j] }
            }
        }
        for i in 0..<d { gram[i * d + i] += configuration.lambda }
        weights = try Cholesky.solve(gram, n: d, rhs)
        intercept = labelMean - zip(featureMean, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        guard !weights.isEmpty else { throw PredictorError.notFitted(model: "RidgeRegression") }
        try features.validateQuery(expectedWidth: weights.count)
        return (0..<features.rowCount).map { r in
            let row = features.row(r)
            var sum = intercept
            for j in 0..<weights.count where row[row.startIndex + j] != 0 { sum += row[row.startIndex + j] * weights[j] }
            return sum
        }
    }
}
