/// Hyperparameters of ``RandomForest``.
///
/// Defaults are NASLib's random-forest predictor defaults (`naslib/predictors/trees/
/// random_forest.py`, "copied from NB301", i.e. the NAS-Bench-301 surrogate's tuned values;
/// White et al., "How Powerful are Performance Predictors in NAS?", NeurIPS 2021): 116 trees,
/// `max_features` 0.1706, `min_samples_leaf` 2, `min_samples_split` 2, no bootstrap, no depth
/// limit. Names follow scikit-learn's `RandomForestRegressor`, whose semantics they share.
public struct RandomForestConfiguration: Hashable, Sendable, Codable {
    /// Number of trees (`n_estimators`). NASLib: 116.
    public var treeCount: Int = 116
    /// Features examined per split (`max_features`). NASLib: 0.17055852159745608 of them.
    public var maxFeatures: MaxFeatures = .fraction(0.17055852159745608)
    /// Maximum tree depth, `nil` for unlimited (`max_depth`). NASLib/scikit-learn: unlimited.
    public var maxDepth: Int?
    /// Minimum samples to split a node (`min_samples_split`). NASLib: 2.
    public var minSamplesSplit: Int = 2
    /// Minimum samples in each leaf (`min_samples_leaf`). NASLib: 2.
    public var minSamplesLeaf: Int = 2
    /// Whether each tree sees a bootstrap sample of the rows (`bootstrap`). NASLib: false.
    public var bootstrap: Bool = false

    /// The defaults above, each overridable.
    public init(
        treeCount: Int = 116, maxFeatures: MaxFeatures = .fraction(0.17055852159745608), maxDepth: Int? = nil,
        minSamplesSplit: Int = 2, minSamplesLeaf: Int = 2, bootstrap: Bool = false
    ) {
        self.treeCount = treeCount
        self.maxFeatures = maxFeatures
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.bootstrap = bootstrap
    }

    private enum CodingKeys: String, CodingKey {
        case treeCount, maxFeatures, maxDepth, minSamplesSplit, minSamplesLeaf, bootstrap
    }

    /// Decodes a configuration; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        treeCount = try container.decodeIfPresent(Int.self, forKey: .treeCount) ?? defaults.treeCount
        maxFeatures = try container.decodeIfPresent(MaxFeatures.self, forKey: .maxFeatures) ?? defaults.maxFeatures
        maxDepth = try container.decodeIfPresent(Int.self, forKey: .maxDepth)
        minSamplesSplit = try container.decodeIfPresent(Int.self, forKey: .minSamplesSplit) ?? defaults.minSamplesSplit
        minSamplesLeaf = try container.decodeIfPresent(Int.self, forKey: .minSamplesLeaf) ?? defaults.minSamplesLeaf
        bootstrap = try container.decodeIfPresent(Bool.self, forKey: .bootstrap) ?? defaults.bootstrap
    }

    /// Encodes every hyperparameter, `maxDepth` as `null` when unlimited (so a resolved
    /// configuration lists it).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(treeCount, forKey: .treeCount)
        try container.encode(maxFeatures, forKey: .maxFeatures)
        try container.encode(maxDepth, forKey: .maxDepth)
        try container.encode(minSamplesSplit, forKey: .minSamplesSplit)
        try container.encode(minSamplesLeaf, forKey: .minSamplesLeaf)
        try container.encode(bootstrap, forKey: .bootstrap)
    }
}
