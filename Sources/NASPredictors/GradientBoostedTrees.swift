import NASSpaces

/// Gradient-boosted regression trees with squared loss (Friedman 2001), as scikit-learn's
/// `GradientBoostingRegressor(loss="squared_error")`:
///
///     F_0 = mean(y);   F_m = F_{m-1} + learningRate * tree_m,
///
/// where `tree_m` is a CART tree (``TreeBuilder``) fitted to the residuals `y - F_{m-1}` on a
/// `subsample` fraction of the rows drawn without replacement. scikit-learn's default split
/// criterion `friedman_mse` ranks splits exactly as the squared-error reduction used here.
///
/// Rounds are sequential; randomness (row subsamples, feature draws) comes from one seed per
/// round drawn from the caller's generator.
public struct GradientBoostedTrees: Predictor {
    public let configuration: GradientBoostingConfiguration
    /// `F_0`, the mean training label.
    public private(set) var initialPrediction = 0.0
    /// One tree per round.
    public private(set) var trees: [RegressionTree] = []
    /// Width of the training features.
    public private(set) var featureCount = 0

    public init(configuration: GradientBoostingConfiguration = GradientBoostingConfiguration()) {
        self.configuration = configuration
    }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        try validateConfiguration()
        let parameters = try TreeParameters(
            maxDepth: configuration.maxDepth, minSamplesSplit: configuration.minSamplesSplit,
            minSamplesLeaf: configuration.minSamplesLeaf, maxFeatures: configuration.maxFeatures,
            featureCount: features.columnCount)
        let n = features.rowCount
        let columns = features.columns
        let inBag = max(1, Int(configuration.subsample * Double(n)))
        initialPrediction = labels.reduce(0, +) / Double(n)
        var current = [Double](repeating: initialPrediction, count: n)
        trees = []
        for _ in 0..<configuration.treeCount {
            var rng = SplitMix64(seed: generator.next())
            let residuals = (0..<n).map { labels[$0] - current[$0] }
            var weights = [Double](repeating: inBag < n ? 0 : 1, count: n)
            if inBag < n {
                var rows = Array(0..<n)
                for position in 0..<inBag {
                    rows.swapAt(position, position + Int(rng.nextUniform(below: UInt64(n - position))))
                    weights[rows[position]] = 1
                }
            }
            var builder = TreeBuilder(columns: columns, labels: residuals, parameters: parameters)
            let tree = builder.build(rowWeights: weights, using: &rng)
            let update = tree.predict(features)
            for row in 0..<n {
                current[row] += configuration.learningRate * update[row]
            }
            trees.append(tree)
        }
        featureCount = features.columnCount
    }

    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        guard !trees.isEmpty else { throw PredictorError.notFitted(model: "GradientBoostedTrees") }
        try features.validateQuery(expectedWidth: featureCount)
        var result = [Double](repeating: initialPrediction, count: features.rowCount)
        for tree in trees {
            let update = tree.predict(features)
            for row in result.indices {
                result[row] += configuration.learningRate * update[row]
            }
        }
        return result
    }

    /// Checks the boosting-specific hyperparameters.
    private func validateConfiguration() throws {
        guard configuration.treeCount >= 1 else {
            throw PredictorError.invalidHyperparameter(
                name: "treeCount", value: String(configuration.treeCount), expected: ">= 1")
        }
        guard configuration.learningRate > 0, configuration.learningRate.isFinite else {
            throw PredictorError.invalidHyperparameter(
                name: "learningRate", value: String(configuration.learningRate), expected: "> 0")
        }
        guard configuration.subsample > 0, configuration.subsample <= 1 else {
            throw PredictorError.invalidHyperparameter(
                name: "subsample", value: String(configuration.subsample), expected: "a fraction in (0, 1]")
        }
    }
}
