import ArgumentParser
import NASPredictors
import NASSearch

/// The strategies' hyperparameters as options. Each is optional: an option given overrides
/// ``StrategySettings``'s default, which (with its source) lives in NASSearch, not here.
struct StrategyOptions: ParsableArguments {
    private static let defaults = StrategySettings()

    @Option(help: "Regularized evolution: population size P (default \(defaults.evolution.populationSize), NASLib's NB201).")
    var population: Int?

    @Option(help: "Regularized evolution: tournament sample size S (default \(defaults.evolution.sampleSize), NASLib's NB201).")
    var sampleSize: Int?

    @Option(help: "Local search: random cells before the first climb (default \(defaults.local.initialSamples), NASLib's NB201).")
    var localInitial: Int?

    @Option(help: "WeakNAS ranking model (default \(defaults.weaknas.model.rawValue), the paper's; ridge-onehot is a linear baseline).")
    var weaknasModel: WeakNASModel?

    @Option(help: "WeakNAS mlp: most training epochs per fit (scikit-learn's max_iter with its tol=1e-4 / n_iter_no_change=10 stopping; default \(defaults.weaknas.mlpEpochs), WeakNAS's --mlp_iter).")
    var mlpEpochs: Int?

    @Option(help: "WeakNAS: top-N predicted cells the batch is drawn from (default \(defaults.weaknas.top), the paper's).")
    var weaknasTop: Int?

    @Option(help: "WeakNAS: cells the top-N is ranked over: all (queried ones then removed; the authors' code) or available (default \(defaults.weaknas.topOf.rawValue)).")
    var weaknasTopOf: WeakNASTopSet?

    @Option(help: "WeakNAS: label standardisation before each fit: queried (mean and std of the queried cells) or table (over the whole table, fixed; the authors' code; the mlp then fits these labels as given); default \(defaults.weaknas.labels.rawValue).")
    var weaknasLabels: WeakNASLabelScaling?

    @Option(help: "WeakNAS: uniform (drawn from the predicted top-N; the paper's) or ei (an ensemble of --weaknas-ensemble models, the M unqueried cells of highest expected improvement; top-N and top-of are then M and available); default \(defaults.weaknas.acquisition.rawValue).")
    var weaknasAcquisition: WeakNASAcquisition?

    @Option(help: "WeakNAS ei: ensemble size (default \(defaults.weaknas.ensemble), the authors').")
    var weaknasEnsemble: Int?

    @Option(help: "WeakNAS ei: the ensemble's spread is divided by this before EI (default \(defaults.weaknas.eiCalibration), the authors' and NASLib's).")
    var eiCalibration: Double?

    @Option(help: "WeakNAS: cells queried per iteration M (default \(defaults.weaknas.batch), the paper's).")
    var weaknasBatch: Int?

    @Option(help: "WeakNAS: random cells before the first fit (default \(defaults.weaknas.initial), the paper's).")
    var weaknasInitial: Int?

    @Option(help: "ridge-onehot: L2 penalty (default \(defaults.weaknas.ridgeLambda)).")
    var ridgeLambda: Double?

    /// Applies every option given to `s` (the defaults, or a spec file's settings).
    func apply(to s: inout StrategySettings) {
        if let population { s.evolution.populationSize = population }
        if let sampleSize { s.evolution.sampleSize = sampleSize }
        if let localInitial { s.local.initialSamples = localInitial }
        if let weaknasModel { s.weaknas.model = weaknasModel }
        if let mlpEpochs { s.weaknas.mlpEpochs = mlpEpochs }
        if let weaknasTop { s.weaknas.top = weaknasTop }
        if let weaknasTopOf { s.weaknas.topOf = weaknasTopOf }
        if let weaknasLabels { s.weaknas.labels = weaknasLabels }
        if let weaknasAcquisition { s.weaknas.acquisition = weaknasAcquisition }
        if let weaknasEnsemble { s.weaknas.ensemble = weaknasEnsemble }
        if let eiCalibration { s.weaknas.eiCalibration = eiCalibration }
        if let weaknasBatch { s.weaknas.batch = weaknasBatch }
        if let weaknasInitial { s.weaknas.initial = weaknasInitial }
        if let ridgeLambda { s.weaknas.ridgeLambda = ridgeLambda }
    }

    func validate() throws {
        if weaknasAcquisition == .ei, let weaknasEnsemble, weaknasEnsemble < 2 {
            throw ValidationError("--weaknas-acquisition ei needs --weaknas-ensemble of at least 2 members, got \(weaknasEnsemble)")
        }
    }
}
