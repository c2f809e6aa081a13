/// What WeakNAS needs from a predictor: fit on queried cells and their labels, then score
/// unqueried cells so that higher scores mean better predicted cells. Cells are given as table
/// rows of a ``SearchDomain``, which encodes them (``SearchDomain/features(ofRows:as:)``).
///
/// A value type holding its hyperparameters; ``WeakNAS`` copies its prototype and fits the copy
/// afresh every iteration. The project's predictors (MLP, random forest, GBDT, ensembles; the
/// `Predictor` protocol of NASPredictors) plug in through a small adapter conforming to this.
public protocol RankingModel: Sendable {
    /// A short name for result files, e.g. `ridge-onehot`.
    var name: String { get }

    /// The hyperparameters, recorded in a run's `config.json`.
    var hyperparameters: [String: Hyperparameter] { get }

    /// Fits the model on the cells of `rows` and their `labels` (standardised by the caller: mean
    /// 0, std 1, higher is better). Randomness (initialisation, bootstrap, ...) comes only from `generator`.
    mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws

    /// Scores the cells of `rows` with the fitted model (higher is predicted better), one score per row.
    func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double]
}
