/// The growth limits of one CART regression tree, resolved against a feature count.
struct TreeParameters: Hashable, Sendable {
    /// Maximum depth (root = 0), or `nil` for unlimited.
    var maxDepth: Int?
    /// A node with fewer samples is a leaf.
    var minSamplesSplit: Int
    /// Each child of a split keeps at least this many samples.
    var minSamplesLeaf: Int
    /// Non-constant features examined per split.
    var maxFeatures: Int

    /// Validated parameters.
    ///
    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)``.
    init(maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int, maxFeatures: MaxFeatures, featureCount: Int) throws {
        if let maxDepth, maxDepth < 1 {
            throw PredictorError.invalidHyperparameter(name: "maxDepth", value: String(maxDepth), expected: ">= 1 or null")
        }
        guard minSamplesSplit >= 2 else {
            throw PredictorError.invalidHyperparameter(
                name: "minSamplesSplit", value: String(minSamplesSplit), expected: ">= 2")
        }
        guard minSamplesLeaf >= 1 else {
            throw PredictorError.invalidHyperparameter(name: "minSamplesLeaf", value: String(minSamplesLeaf), expected: ">= 1")
        }
        guard featureCount >= 1 else {
            throw PredictorError.featureWidthMismatch(expected: 1, found: featureCount, row: nil)
        }
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = try maxFeatures.resolve(featureCount: featureCount)
    }
}
