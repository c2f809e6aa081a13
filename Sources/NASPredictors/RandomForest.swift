import Dispatch
import NASSpaces

/// A random forest of CART regression trees (Breiman 2001), equivalent to scikit-learn's
/// `RandomForestRegressor` with the same hyperparameters (see ``TreeBuilder``).
///
/// Trees are grown in parallel on all cores. Reproducibility: `fit` draws one 64-bit seed per
/// tree from the caller's generator, in tree order, before any tree is grown; tree `t` then uses
/// only `SplitMix64(seed: seeds[t])`. Predictions sum the trees in index order. So the same
/// generator state gives the same forest and the same predictions, bit for bit, whatever the
/// thread scheduling.
public struct RandomForest: UncertaintyPredictor {
    public let configuration: RandomForestConfiguration
    /// The fitted trees (empty before `fit`).
    public private(set) var trees: [RegressionTree] = []
    /// Width of the training features.
    public private(set) var featureCount = 0

    public init(configuration: RandomForestConfiguration = RandomForestConfiguration()) {
        self.configuration = configuration
    }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        guard configuration.treeCount >= 1 else {
            throw PredictorError.invalidHyperparameter(
                name: "treeCount", value: String(configuration.treeCount), expected: ">= 1")
        }
        let parameters = try TreeParameters(
            maxDepth: configuration.maxDepth, minSamplesSplit: configuration.minSamplesSplit,
            minSamplesLeaf: configuration.minSamplesLeaf, maxFeatures: configuration.maxFeatures,
            featureCount: features.columnCount)
        let seeds = (0..<configuration.treeCount).map { _ in generator.next() }
        let columns = features.columns
        let rowCount = features.rowCount
        let bootstrap = configuration.bootstrap
        trees = parallelMap(configuration.treeCount) { tree in
            var rng = SplitMix64(seed: seeds[tree])
            var weights = [Double](repeating: bootstrap ? 0 : 1, count: rowCount)
            if bootstrap {
                for _ in 0..<rowCount {
                    weights[Int(rng.nextUniform(below: UInt64(rowCount)))] += 1
                }
            }
            var builder = TreeBuilder(columns: columns, labels: labels, parameters: parameters)
            return builder.build(rowWeights: weights, using: &rng)
        }
        featureCount = features.columnCount
    }

    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        try sumOverTrees(features).map { $0 / Double(trees.count) }
    }

    /// Mean and population standard deviation of the trees' predictions.
    public func predictDistribution(_ features: FeatureMatrix) throws -> PredictiveDistribution {
        let means = try predict(features)
        let squares = try sumOverTrees(features, deviationsFrom: means)
        return PredictiveDistribution(mean: means, std: squares.map { ($0 / Double(trees.count)).squareRoot() })
    }

    /// Per row, the sum over trees (in tree order) of the prediction, or of its squared
    /// deviation from `centre[row]` when `centre` is given. Rows are split across cores.
    private func sumOverTrees(_ features: FeatureMatrix, deviationsFrom centre: [Double]? = nil) throws -> [Double] {
        guard !trees.isEmpty else { throw PredictorError.notFitted(model: "RandomForest") }
        try features.validateQuery(expectedWidth: featureCount)
        let ranges = chunkRanges(features.rowCount, chunks: 8)
        let trees = self.trees
        let width = features.columnCount
        let chunks = parallelMap(ranges.count) { chunk in
            features.values.withUnsafeBufferPointer { values in
                var totals = [Double](repeating: 0, count: ranges[chunk].count)
                for tree in trees {
                    tree.accumulate(values, width: width, rows: ranges[chunk], centre: centre, into: &totals)
                }
                return totals
            }
        }
        return chunks.flatMap { $0 }
    }
}
