/// A performance predictor: a regression model from cell features to a performance label
/// (e.g. validation accuracy).
///
/// Conforming types are values holding their configuration and, after ``fit(_:labels:using:)``,
/// their fitted state. Randomness (bootstrap samples, feature subsets, weight initialisation)
/// comes only from the generator passed to `fit`, so a seeded generator gives the same model
/// bit for bit. Models that need standardised labels (neural predictors) standardise inside
/// `fit` with ``LabelStandardizer`` and undo it in `predict`; tree models do not need it.
///
/// Neural predictors (MLP on flat encodings, GCN on ``Encoding/graph`` rows, decoded with
/// ``CellGraph/init(flattened:nodeCount:opClassCount:)``) conform the same way.
public protocol Predictor: Sendable {
    /// The hyperparameters, all public and `Codable` so a config file can set them.
    associatedtype Configuration: Codable & Sendable

    /// The hyperparameters this model was created with.
    var configuration: Configuration { get }

    /// An unfitted model.
    init(configuration: Configuration)

    /// Fits the model to `labels[i]` for the cell of feature row `i`, replacing any earlier fit.
    ///
    /// - Throws: ``PredictorError`` on an empty training set, a label count that differs from
    ///   the row count, a non-finite label or feature, or an invalid hyperparameter.
    mutating func fit(_ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator)
        throws

    /// Predicted labels, one per row.
    ///
    /// - Throws: ``PredictorError/notFitted(model:)`` before `fit`, or
    ///   ``PredictorError/featureWidthMismatch(expected:found:row:)`` when the width differs
    ///   from the training features.
    func predict(_ features: FeatureMatrix) throws -> [Double]
}
