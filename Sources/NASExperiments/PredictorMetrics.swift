import NASPredictors

/// The scores of one fitted predictor on its held-out cells: one row of `results.csv`.
///
/// Correlations are NaN when undefined (constant predictions); precision@k is NaN when fewer
/// than `k` cells are held out.
public struct PredictorMetrics: Sendable, Equatable {
    /// The k of precision@k, in column order.
    public static let topK = [10, 100]
    /// The metrics' columns of `results.csv`: names and values declared together.
    public static let columns = CSVColumns<PredictorMetrics>(
        [.number("kendall_tau") { $0.kendallTau }, .number("spearman") { $0.spearman }, .number("pearson") { $0.pearson }]
            + topK.indices.map { i in .number("precision_at_\(topK[i])") { $0.precisionAtK[i] } }
            + [.number("mae") { $0.meanAbsoluteError }, .number("rmse") { $0.rootMeanSquaredError }])
    /// Column names, in the order of ``fields``.
    public static var header: [String] { columns.header }

    public var kendallTau: Double
    public var spearman: Double
    public var pearson: Double
    /// Precision@k (top-k overlap) for each k in ``topK``.
    public var precisionAtK: [Double]
    public var meanAbsoluteError: Double
    public var rootMeanSquaredError: Double

    /// Scores `predicted` against `actual`. Top-k means the best: the largest values when
    /// `higherIsBetter`, else the smallest.
    public init(predicted: [Double], actual: [Double], higherIsBetter: Bool) throws {
        kendallTau = try RankingMetrics.kendallTau(predicted, actual)
        spearman = try RankingMetrics.spearman(predicted, actual)
        pearson = try RankingMetrics.pearson(predicted, actual)
        let sign = higherIsBetter ? 1.0 : -1.0
        let predictedFitness = predicted.map { sign * $0 }, actualFitness = actual.map { sign * $0 }
        precisionAtK = try Self.topK.map { k in
            k <= actual.count
                ? try RankingMetrics.topKOverlap(predicted: predictedFitness, actual: actualFitness, k: k) : .nan
        }
        meanAbsoluteError = try RankingMetrics.meanAbsoluteError(predicted: predicted, actual: actual)
        rootMeanSquaredError = try RankingMetrics.rootMeanSquaredError(predicted: predicted, actual: actual)
    }

    /// The values as CSV fields, in ``header`` order.
    public var fields: [String] { Self.columns.columns.map { $0.value(self) } }
}
