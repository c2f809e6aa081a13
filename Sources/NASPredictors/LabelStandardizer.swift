/// Standardises labels to zero mean and unit variance and back, for models whose training
/// depends on the label scale (neural predictors; NASLib's MLP/GCN and XGBoost wrappers
/// standardise the same way). Tree models are scale-equivariant and do not use it.
public struct LabelStandardizer: Hashable, Sendable, Codable {
    /// Mean of the fitted labels.
    public let mean: Double
    /// Population standard deviation of the fitted labels, or 1 when they are constant.
    public let scale: Double

    /// Fits to `labels`.
    ///
    /// - Throws: ``PredictorError/emptyTrainingSet`` or ``PredictorError/nonFiniteLabel(index:value:)``.
    public init(fitting labels: [Double]) throws {
        guard !labels.isEmpty else { throw PredictorError.emptyTrainingSet }
        if let index = labels.firstIndex(where: { !$0.isFinite }) {
            throw PredictorError.nonFiniteLabel(index: index, value: labels[index])
        }
        let mean = labels.reduce(0, +) / Double(labels.count)
        let variance = labels.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(labels.count)
        self.mean = mean
        self.scale = variance > 0 ? variance.squareRoot() : 1
    }

    /// The identity map (mean 0, scale 1): labels used as given.
    public static let identity = LabelStandardizer(mean: 0, scale: 1)

    private init(mean: Double, scale: Double) {
        self.mean = mean
        self.scale = scale
    }

    /// `(label - mean) / scale` for each label.
    public func standardize(_ labels: [Double]) -> [Double] {
        labels.map { ($0 - mean) / scale }
    }

    /// `value * scale + mean` for each value: the inverse of ``standardize(_:)``.
    public func restore(_ values: [Double]) -> [Double] {
        values.map { $0 * scale + mean }
    }
}
