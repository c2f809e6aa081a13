/// Hyperparameters of ``GradientBoostedTrees``.
///
/// Defaults are scikit-learn's `GradientBoostingRegressor` defaults (Friedman 2001, "Greedy
/// function approximation: a gradient boosting machine", Ann. Statist. 29(5)): 100 trees,
/// learning rate 0.1, depth 3, no subsampling. NASLib's XGBoost predictor instead uses depth 6,
/// learning rate 0.3 and 500 rounds (`naslib/predictors/trees/xgb.py`); set those here to
/// approximate it (XGBoost also regularises leaf values, which plain gradient boosting does not).
public struct GradientBoostingConfiguration: Hashable, Sendable, Codable {
    /// Number of boosting rounds, one tree each (`n_estimators`). scikit-learn: 100.
    public var treeCount: Int = 100
    /// Shrinkage applied to every tree (`learning_rate`). scikit-learn: 0.1.
    public var learningRate: Double = 0.1
    /// Maximum depth of each tree (`max_depth`). scikit-learn: 3.
    public var maxDepth: Int = 3
    /// Fraction of rows drawn without replacement for each tree (`subsample`, Friedman's
    /// stochastic gradient boosting when < 1). scikit-learn: 1.0.
    public var subsample: Double = 1.0
    /// Minimum samples to split a node (`min_samples_split`). scikit-learn: 2.
    public var minSamplesSplit: Int = 2
    /// Minimum samples in each leaf (`min_samples_leaf`). scikit-learn: 1.
    public var minSamplesLeaf: Int = 1
    /// Features examined per split (`max_features`). scikit-learn: all.
    public var maxFeatures: MaxFeatures = .all

    /// The defaults above, each overridable.
    public init(
        treeCount: Int = 100, learningRate: Double = 0.1, maxDepth: Int = 3, subsample: Double = 1.0,
        minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1, maxFeatures: MaxFeatures = .all
    ) {
        self.treeCount = treeCount
        self.learningRate = learningRate
        self.maxDepth = maxDepth
        self.subsample = subsample
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
    }

    private enum CodingKeys: String, CodingKey {
        case treeCount, learningRate, maxDepth, subsample, minSamplesSplit, minSamplesLeaf, maxFeatures
    }

    /// Decodes a configuration; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        treeCount = try container.decodeIfPresent(Int.self, forKey: .treeCount) ?? defaults.treeCount
        learningRate = try container.decodeIfPresent(Double.self, forKey: .learningRate) ?? defaults.learningRate
        maxDepth = try container.decodeIfPresent(Int.self, forKey: .maxDepth) ?? defaults.maxDepth
        subsample = try container.decodeIfPresent(Double.self, forKey: .subsample) ?? defaults.subsample
        minSamplesSplit = try container.decodeIfPresent(Int.self, forKey: .minSamplesSplit) ?? defaults.minSamplesSplit
        minSamplesLeaf = try container.decodeIfPresent(Int.self, forKey: .minSamplesLeaf) ?? defaults.minSamplesLeaf
        maxFeatures = try container.decodeIfPresent(MaxFeatures.self, forKey: .maxFeatures) ?? defaults.maxFeatures
    }
}
