import Foundation

/// The predictors an experiment can name: a closed set, so that adding one (the neural predictors
/// arrived with the tensor engine as `mlp` and `gcn`) is a new case that every
/// `switch` must handle.
public enum PredictorKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// ``RandomForest`` with ``PredictorSettings/randomForest``.
    case randomForest = "rf"
    /// ``GradientBoostedTrees`` with ``PredictorSettings/gradientBoosting``.
    case gradientBoosting = "gbdt"
    /// ``Ensemble`` of ``GradientBoostedTrees`` with ``PredictorSettings/gradientBoostingEnsemble``:
    /// the BANANAS-style ensemble (mean of the members), bootstrapped because boosting without
    /// subsampling is deterministic given the data.
    case gradientBoostingEnsemble = "gbdt-ensemble"
    /// ``MLPPredictor`` with ``PredictorSettings/mlp``: WeakNAS's MLP (4 x 1000 ReLU units).
    case mlp
    /// ``GCNPredictor`` with ``PredictorSettings/gcn``: NASLib's Neural Predictor GCN; needs
    /// ``Encoding/graph`` features.
    case gcn
    /// ``RidgeRegression`` with ``PredictorSettings/ridge``: a linear, additive baseline.
    case ridge

    /// The name used on the command line and in result files.
    public var description: String { rawValue }

    /// A fixed number per kind for deriving the kind's own random stream, so that a predictor's
    /// results do not depend on which other predictors run beside it. Never reuse a number.
    public var streamID: UInt64 {
        switch self {
        case .randomForest: 1
        case .gradientBoosting: 2
        case .gradientBoostingEnsemble: 3
        case .mlp: 4
        case .gcn: 5
        case .ridge: 6
        }
    }

    /// An unfitted model of this kind with its hyperparameters from `settings`.
    public func makePredictor(_ settings: PredictorSettings) -> any Predictor {
        switch self {
        case .randomForest: RandomForest(configuration: settings.randomForest)
        case .gradientBoosting: GradientBoostedTrees(configuration: settings.gradientBoosting)
        case .gradientBoostingEnsemble: Ensemble<GradientBoostedTrees>(configuration: settings.gradientBoostingEnsemble)
        case .mlp: MLPPredictor(configuration: settings.mlp)
        case .gcn: GCNPredictor(configuration: settings.gcn)
        case .ridge: RidgeRegression(configuration: settings.ridge)
        }
    }

    /// Parses a comma-separated list such as `rf,gbdt`.
    ///
    /// - Throws: ``PredictorError/unknownPredictor(_:known:)`` naming the first unknown kind,
    ///   or ``PredictorError/invalidHyperparameter(name:value:expected:)`` for an empty or
    ///   repeated list.
    public static func parseList(_ text: String) throws -> [PredictorKind] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var kinds: [PredictorKind] = []
        for name in names {
            guard let kind = PredictorKind(rawValue: name) else {
                throw PredictorError.unknownPredictor(name, known: allCases.map(\.rawValue))
            }
            guard !kinds.contains(kind) else {
                throw PredictorError.invalidHyperparameter(
                    name: "predictors", value: text, expected: "each predictor at most once")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
