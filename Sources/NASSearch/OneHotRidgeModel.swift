import NASPredictors

/// Ridge regression on the adjacency one-hot encoding of the domain's space (NB201: 30 features,
/// "which op on which edge"; NB101: 36; NAS-Bench-Graph: 46): a linear, additive model fitted in
/// closed form.
///
/// A deliberately simple PLACEHOLDER ranking model, so that ``WeakNAS`` can run and be tested
/// before the project's predictors exist. It is NOT the MLP of the WeakNAS paper, and results
/// obtained with it must not be reported as WeakNAS's. Fitting centres features and labels
/// (an unpenalised intercept) and solves `(XᵀX + λI) w = Xᵀy` with a Cholesky factorisation;
/// deterministic, so it ignores the generator.
public struct OneHotRidgeModel: RankingModel {
    /// The L2 penalty λ (> 0, which also makes the system positive definite).
    public var lambda: Double
    private var weights: [Double] = []
    private var intercept = 0.0

    public init(lambda: Double = 1.0) throws {
        guard lambda > 0, lambda.isFinite else { throw SearchError.badInput("ridge lambda must be positive") }
        self.lambda = lambda
    }

    public var name: String { "ridge-onehot" }

    public var hyperparameters: [String: Hyperparameter] {
        ["lambda": .double(lambda)]
    }

    public mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        guard rows.count == labels.count, !rows.isEmpty else {
            throw SearchError.badInput("ridge fit needs as many labels as cells, and at least one")
        }
        let features = try domain.features(ofRows: rows, as: .adjacencyOneHot)
        let d = features.columnCount
        let n = Double(rows.count)
        let rows = Self.ones(features)
        var featureMean = [Double](repeating: 0, count: d)
        for row in rows { for j in row { featureMean[j] += 1 / n } }
        let labelMean = labels.reduce(0, +) / n
        // Gram matrix of the centred one-hot rows plus λI, and the centred right-hand side.
        var gram = [Double](repeating: 0, count: d * d)
        var rhs = [Double](repeating: 0, count: d)
        var x = [Double](repeating: 0, count: d)
        for (row, label) in zip(rows, labels) {
            for j in 0..<d { x[j] = -featureMean[j] }
            for j in row { x[j] += 1 }
            let y = label - labelMean
            for i in 0..<d where x[i] != 0 {
                rhs[i] += x[i] * y
                for j in 0...i { gram[i * d + j] += x[i] * x[j] }
            }
        }
        for i in 0..<d { gram[i * d + i] += lambda }
        weights = try Cholesky.solve(gram, n: d, rhs)
        intercept = labelMean - zip(featureMean, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    public func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        let features = try domain.features(ofRows: rows, as: .adjacencyOneHot)
        guard !weights.isEmpty, weights.count == features.columnCount else {
            throw SearchError.badInput("ridge model scored before fit")
        }
        return Self.ones(features).map { ones in ones.reduce(intercept) { $0 + weights[$1] } }
    }

    /// The columns holding a 1 in each row, ascending (the encoding is 0/1).
    static func ones(_ features: FeatureMatrix) -> [[Int]] {
        (0..<features.rowCount).map { row in
            let values = features.row(row)
            return (0..<features.columnCount).filter { values[values.startIndex + $0] != 0 }
        }
    }
}
