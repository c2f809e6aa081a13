/// The hyperparameters of every ``PredictorKind``, one `Codable` configuration each: what a
/// config file sets and what a run records. Keys are the kinds' names (`rf`, `gbdt`,
/// `gbdt-ensemble`, `mlp`, `gcn`); absent keys keep their defaults.
public struct PredictorSettings: Hashable, Sendable, Codable {
    /// `rf`: ``RandomForest``. Defaults: NASLib's (see ``RandomForestConfiguration``).
    public var randomForest = RandomForestConfiguration()
    /// `gbdt`: ``GradientBoostedTrees``. Defaults: scikit-learn's (see ``GradientBoostingConfiguration``).
    public var gradientBoosting = GradientBoostingConfiguration()
    /// `gbdt-ensemble`: 5 members (BANANAS' ensemble size, White et al., AAAI 2021), each on a
    /// bootstrap resample, members with `gbdt`'s defaults.
    public var gradientBoostingEnsemble = EnsembleConfiguration(
        memberCount: 5, bootstrap: true, member: GradientBoostingConfiguration())
    /// `mlp`: ``MLPPredictor``. Defaults: WeakNAS's (see ``MLPConfiguration``).
    public var mlp = MLPConfiguration()
    /// `gcn`: ``GCNPredictor``. Defaults: NASLib's (see ``GCNConfiguration``).
    public var gcn = GCNConfiguration()
    /// `ridge`: ``RidgeRegression`` (λ = 1).
    public var ridge = RidgeConfiguration()

    /// Every predictor with its defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case randomForest = "rf"
        case gradientBoosting = "gbdt"
        case gradientBoostingEnsemble = "gbdt-ensemble"
        case mlp
        case gcn
        case ridge
    }

    /// Decodes settings; an absent predictor keeps its defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        randomForest = try container.decodeIfPresent(RandomForestConfiguration.self, forKey: .randomForest)
            ?? defaults.randomForest
        gradientBoosting = try container.decodeIfPresent(GradientBoostingConfiguration.self, forKey: .gradientBoosting)
            ?? defaults.gradientBoosting
        if container.contains(.gradientBoostingEnsemble) {
            let nested = try container.nestedContainer(keyedBy: EnsembleKeys.self, forKey: .gradientBoostingEnsemble)
            let base = defaults.gradientBoostingEnsemble
            gradientBoostingEnsemble = EnsembleConfiguration(
                memberCount: try nested.decodeIfPresent(Int.self, forKey: .memberCount) ?? base.memberCount,
                bootstrap: try nested.decodeIfPresent(Bool.self, forKey: .bootstrap) ?? base.bootstrap,
                member: try nested.decodeIfPresent(GradientBoostingConfiguration.self, forKey: .member) ?? base.member)
        } else {
            gradientBoostingEnsemble = defaults.gradientBoostingEnsemble
        }
        mlp = try container.decodeIfPresent(MLPConfiguration.self, forKey: .mlp) ?? defaults.mlp
        gcn = try container.decodeIfPresent(GCNConfiguration.self, forKey: .gcn) ?? defaults.gcn
        ridge = try container.decodeIfPresent(RidgeConfiguration.self, forKey: .ridge) ?? defaults.ridge
    }

    /// The ensemble's keys, decoded here so that its defaults are this type's (bootstrap on).
    private enum EnsembleKeys: String, CodingKey {
        case memberCount, bootstrap, member
    }

    /// The configuration of one kind, as a `Codable` value for recording.
    public func configuration(of kind: PredictorKind) -> any Encodable & Sendable {
        switch kind {
        case .randomForest: randomForest
        case .gradientBoosting: gradientBoosting
        case .gradientBoostingEnsemble: gradientBoostingEnsemble
        case .mlp: mlp
        case .gcn: gcn
        case .ridge: ridge
        }
    }
}
