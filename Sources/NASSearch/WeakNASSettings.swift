import NASPredictors

/// ``WeakNAS``'s hyperparameters and its ranking model's. Defaults: the paper's (Wu et al.,
/// "Stronger NAS with Weaker Predictors", NeurIPS 2021, NB201 setting: 10 initial cells, 10 per
/// iteration from the predicted top 100, the MLP), with our label scaling and top-set defaults; the
/// authors' code differs in those two (`labels: table`, `top_of: all`; docs/SEARCH.md).
public struct WeakNASSettings: Hashable, Sendable, Codable {
    /// The ranking model fitted each iteration.
    public var model = WeakNASModel.mlp
    /// mlp: most training epochs per fit (scikit-learn's `max_iter`; WeakNAS: `--mlp_iter 100`).
    public var mlpEpochs = MLPConfiguration().epochs
    /// Top-N predicted cells the batch is drawn from (paper: 100).
    public var top = 100
    /// Cells the top-N is ranked over (the authors' code: all, queried ones then removed).
    public var topOf = WeakNASTopSet.all
    /// Label standardisation before each fit (the authors' code: table).
    public var labels = WeakNASLabelScaling.queried
    /// Uniform from the top-N (the paper) or expected improvement (the EI variant).
    public var acquisition = WeakNASAcquisition.uniform
    /// ei: ensemble size (the authors: 5).
    public var ensemble = 5
    /// ei: the ensemble's spread is divided by this before EI (the authors' and NASLib's factor: 5).
    public var eiCalibration = 5.0
    /// Cells queried per iteration (paper: M = 10).
    public var batch = 10
    /// Random cells before the first fit (paper: 10).
    public var initial = 10
    /// ridge-onehot: L2 penalty.
    public var ridgeLambda = 1.0

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case model, mlpEpochs = "mlp_epochs", top, topOf = "top_of", labels, acquisition, ensemble
        case eiCalibration = "ei_calibration", batch, initial, ridgeLambda = "ridge_lambda"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        model = try c.decodeIfPresent(WeakNASModel.self, forKey: .model) ?? d.model
        mlpEpochs = try c.decodeIfPresent(Int.self, forKey: .mlpEpochs) ?? d.mlpEpochs
        top = try c.decodeIfPresent(Int.self, forKey: .top) ?? d.top
        topOf = try c.decodeIfPresent(WeakNASTopSet.self, forKey: .topOf) ?? d.topOf
        labels = try c.decodeIfPresent(WeakNASLabelScaling.self, forKey: .labels) ?? d.labels
        acquisition = try c.decodeIfPresent(WeakNASAcquisition.self, forKey: .acquisition) ?? d.acquisition
        ensemble = try c.decodeIfPresent(Int.self, forKey: .ensemble) ?? d.ensemble
        eiCalibration = try c.decodeIfPresent(Double.self, forKey: .eiCalibration) ?? d.eiCalibration
        batch = try c.decodeIfPresent(Int.self, forKey: .batch) ?? d.batch
        initial = try c.decodeIfPresent(Int.self, forKey: .initial) ?? d.initial
        ridgeLambda = try c.decodeIfPresent(Double.self, forKey: .ridgeLambda) ?? d.ridgeLambda
    }

    /// WeakNAS with these settings; `graphShape` sizes a GCN to the table's space.
    public func makeStrategy(graphShape: (nodeCount: Int, opClassCount: Int)) throws -> any SearchStrategy {
        switch model {
        case .mlp:
            // With table scaling the MLP fits the labels as WeakNAS gives them, as the authors'
            // scikit-learn MLPRegressor does.
            return try weakNAS(
                MLPPredictor.self, "mlp", MLPConfiguration(epochs: mlpEpochs, standardizeLabels: labels == .queried))
        case .gcn:
            let configuration = GCNConfiguration(nodeCount: graphShape.nodeCount, opClassCount: graphShape.opClassCount)
            return try weakNAS(GCNPredictor.self, "gcn", configuration, encoding: .graph)
        case .ridgeOnehot:
            let configuration = RidgeConfiguration(lambda: ridgeLambda)
            do { try configuration.validate() } catch { throw SearchError.badInput("ridge lambda must be positive") }
            return try weakNAS(RidgeRegression.self, "ridge-onehot", configuration)
        case .rf:
            return try weakNAS(RandomForest.self, "rf", RandomForestConfiguration())
        case .gbdt:
            return try weakNAS(GradientBoostedTrees.self, "gbdt", GradientBoostingConfiguration())
        }
    }

    /// WeakNAS over `P`: uniform from the top-N of its predictions, or the EI variant over an
    /// ensemble of it.
    private func weakNAS<P: Predictor>(
        _: P.Type, _ name: String, _ configuration: P.Configuration, encoding: Encoding = .adjacencyOneHot
    ) throws -> any SearchStrategy where P.Configuration: Hashable {
        switch acquisition {
        case .uniform:
            return try WeakNAS(
                model: PredictorRankingModel<P>(name: name, configuration: configuration, encoding: encoding),
                initialSamples: initial, topN: top, batchSize: batch, topOf: topOf, labelScaling: labels)
        case .ei:
            let model = try PredictorRankingModel<Ensemble<P>>(
                expectedImprovementOver: name, member: configuration, members: ensemble, calibration: eiCalibration,
                encoding: encoding)
            return try WeakNAS(
                model: model, initialSamples: initial, topN: batch, batchSize: batch, topOf: .available, labelScaling: labels)
        }
    }
}
