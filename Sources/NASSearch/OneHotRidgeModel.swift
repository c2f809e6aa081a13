import NASSpaces

/// Ridge regression on the 30-feature one-hot encoding of NB201 cells: a linear, additive
/// model of "which op on which edge", fitted in closed form.
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
        _ cells: [NB201Cell], labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        guard cells.count == labels.count, !cells.isEmpty else {
            throw SearchError.badInput("ridge fit needs as many labels as cells, and at least one")
        }
        let d = NB201Cell.oneHotWidth
        let n = Double(cells.count)
        let rows = cells.map(\.oneHotIndices)
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

    public func scores(_ cells: [NB201Cell]) throws -> [Double] {
        guard weights.count == NB201Cell.oneHotWidth else { throw SearchError.badInput("ridge model scored before fit") }
        return cells.map { cell in cell.oneHotIndices.reduce(intercept) { $0 + weights[$1] } }
    }
}
