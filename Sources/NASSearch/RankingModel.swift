import NASSpaces

/// What WeakNAS needs from a predictor: fit on queried cells and their labels, then score
/// unqueried cells so that higher scores mean better predicted cells.
///
/// A value type holding its hyperparameters; ``WeakNAS`` copies its prototype and fits the copy
/// afresh every iteration. The project's predictors (MLP, random forest, GBDT, ensembles; the
/// `Predictor` protocol of NASPredictors) plug in through a small adapter conforming to this.
public protocol RankingModel: Sendable {
    /// A short name for result files, e.g. `ridge-onehot`.
    var name: String { get }

    /// The hyperparameters, recorded in a run's `config.json`.
    var hyperparameters: [String: Hyperparameter] { get }

    /// Fits the model on `cells` and their `labels` (standardised by the caller: mean 0, std 1,
    /// higher is better). Randomness (initialisation, bootstrap, ...) comes only from `generator`.
    mutating func fit(_ cells: [NB201Cell], labels: [Double], using generator: inout some RandomNumberGenerator)
        throws

    /// Scores cells with the fitted model (higher is predicted better), one score per cell.
    func scores(_ cells: [NB201Cell]) throws -> [Double]
}
